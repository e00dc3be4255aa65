import { notFound } from 'next/navigation';

// Catalog URLs that name nothing (an unknown product, person or genre) are rewritten here by the
// proxy (lib/http/routing.ts): one 404 page per language, prerendered at build time, instead of a
// page rendered and cached under every made-up URL.
export default function PageNotFound() {
  notFound();
}
