import { ListSkeleton } from '@/components/ui/card';

// Shown inside the admin layout while the review list renders: the navigation stays, the reviews stream in.
export default function AdminReviewsLoading() {
  return <ListSkeleton filters="h-10 max-w-2xl rounded-lg" cards={['h-32', 'h-32', 'h-32']} />;
}
