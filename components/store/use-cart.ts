'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';

export type CartSummary = {
  itemCount: number;
  subtotalMinor: number;
  depositMinor: number;
  blocking: boolean;
  lines: {
    id: number;
    editionId: number;
    slug: string;
    title: string;
    format: string;
    kind: 'purchase' | 'rental';
    quantity: number;
    unitPriceMinor: number;
    /** A rental line's terms (its unit price is the fee for the period). */
    rental: { periodDays: number; depositMinor: number } | null;
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
