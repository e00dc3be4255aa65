import { ListSkeleton } from '@/components/ui/card';

// Shown inside the admin layout while the audit log renders: the navigation stays, the entries stream in.
export default function AdminAuditLoading() {
  return <ListSkeleton filters="h-10 max-w-3xl rounded-lg" cards={['h-28', 'h-28', 'h-28', 'h-28']} />;
}
