'use client';

import { ErrorView } from '@/components/store/error-view';

export default ErrorView;
