'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';

export type CartSummary = {
  itemCount: number;
  subtotalMinor: number;
  blocking: boolean;
  lines: {
    id: number;
    editionId: number;
    slug: string;
    title: string;
    format: string;
    quantity: number;
    unitPriceMinor: number;
    coverUrl: string | null;
    problems: string[];
  }[];
};

/** The visitor's cart for client islands (header count, mini-cart); refreshed after every cart action. */
export function useCartSummary() {
  return useQuery<CartSummary>({
    queryKey: ['cart'],
    queryFn: () => fetch('/api/v1/cart', { cache: 'no-store' }).then((r) => r.json()),
  });
}

export function useRefreshCart() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['cart'] });
}
