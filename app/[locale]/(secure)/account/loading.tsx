import { ListSkeleton } from '@/components/ui/card';

// Shown inside the account layout while a section renders: the navigation appears at once and the
// page, which needs the session and the database, streams in after it.
export default function AccountLoading() {
  return <ListSkeleton filters="h-4 max-w-lg rounded" cards={['h-48', 'h-32']} />;
}
