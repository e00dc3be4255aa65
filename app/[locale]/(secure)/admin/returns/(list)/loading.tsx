import { ListSkeleton } from '@/components/ui/card';

// Shown inside the admin layout while the list renders: the navigation stays usable. Only the list
// (the (list) route group): under a loading boundary a record page's notFound() came too late for a
// 404 status, as the 200 and the shell were already sent.
export default function Loading() {
  return <ListSkeleton tabs />;
}
