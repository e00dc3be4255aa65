import { notFound } from 'next/navigation';

// Any path that matches no page renders the localized not-found page.
export default function CatchAll() {
  notFound();
}
