import { NotFoundView } from '@/components/store/not-found-view';

export default NotFoundView;
