import { describe, expect, it } from 'vitest';
import { waitLabel } from '@/lib/rentals/wait';

describe('the wait of a rentable edition', () => {
  it('is "available" while a copy is free for a newcomer, whoever waits', () => {
    expect(waitLabel({ freeCopies: 1, waiting: 0, copiesInService: 1 })).toBe('available');
    expect(waitLabel({ freeCopies: 2, waiting: 5, copiesInService: 9 })).toBe('available');
  });

  it('is a short wait when fewer people wait than there are copies in service, a long wait otherwise', () => {
    expect(waitLabel({ freeCopies: 0, waiting: 0, copiesInService: 1 })).toBe('shortWait');
    expect(waitLabel({ freeCopies: 0, waiting: 2, copiesInService: 3 })).toBe('shortWait');
    expect(waitLabel({ freeCopies: 0, waiting: 3, copiesInService: 3 })).toBe('longWait');
    expect(waitLabel({ freeCopies: 0, waiting: 4, copiesInService: 3 })).toBe('longWait');
    expect(waitLabel({ freeCopies: 0, waiting: 0, copiesInService: 0 })).toBe('longWait');
  });
});
