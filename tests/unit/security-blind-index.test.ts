import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { blindIndex, blindQuery, nameTokens, phoneQuery, phoneTokens } from '@/lib/security/blind-index';
import { setKeyRingForTests } from '@/lib/security/encryption';

const k1 = `k1:${randomBytes(32).toString('base64')}`;
const k2 = `k2:${randomBytes(32).toString('base64')}`;

afterEach(() => setKeyRingForTests(undefined));

/** Whether a row indexed with `index` is found by `query`: every term of the query shares a hash with the row. */
const finds = (index: string[] | null, query: string) =>
  Boolean(index && blindQuery(query)?.every((hashes) => hashes.some((hash) => index.includes(hash))));

describe('blind index tokens', () => {
  it('splits names into lower-case words without accents, and CJK names into the whole and its pairs', () => {
    expect(nameTokens('  José  GARCÍA-López ')).toEqual(['jose', 'garcia', 'lopez']);
    expect(nameTokens('ＡＤＡ Lovelace')).toEqual(['ada', 'lovelace']);
    expect(nameTokens('王小明')).toEqual(['王小明', '王小', '小明']);
    expect(nameTokens('李娜')).toEqual(['李娜']);
    expect(nameTokens('')).toEqual([]);
  });

  it('indexes a phone number by its digits and every ending of 7 or more digits', () => {
    expect(phoneTokens('+44 (20) 7946-0000')).toEqual([
      '9460000',
      '79460000',
      '079460000',
      '2079460000',
      '42079460000',
      '442079460000',
    ]);
    expect(phoneTokens('12 34')).toEqual(['1234']);
    expect(phoneQuery('020 7946 0000')).toEqual(['2079460000', '079460000']);
    expect(phoneQuery('+44 20 7946 0000')).toEqual(['442079460000', '42079460000', '2079460000', '079460000']);
    expect(phoneQuery('7946 0000')).toEqual(['79460000']);
    expect(phoneQuery('946 00')).toBeNull();
    expect(phoneQuery('Ada 7946 0000')).toBeNull();
  });
});

describe('blind index', () => {
  it('finds a row by whole words of a name in any order and case, or by its phone number', () => {
    setKeyRingForTests(k1);
    const index = blindIndex([
      { kind: 'name', value: 'Zoë Quillfeather' },
      { kind: 'phone', value: '+44 20 7946 0000' },
    ]);
    expect(index?.every((entry) => /^k1:[\w-]{22}$/.test(entry))).toBe(true);
    expect(index?.join().toLowerCase()).not.toMatch(/quillfeather|2079460000/);
    for (const query of [
      'zoe',
      'QUILLFEATHER zoë',
      '+44 20 7946 0000',
      '020 7946 0000',
      '0044 20 7946 0000',
      '79460000',
    ]) {
      expect(finds(index, query), query).toBe(true);
    }
    for (const query of ['quill', 'Zoë Smith', '020 7946 0001', '020 8846 0000', '7946']) {
      expect(finds(index, query), query).toBe(false);
    }
    // A name word is not a phone number and the other way round.
    expect(finds(blindIndex([{ kind: 'name', value: '7946000 Road' }]), '7946000')).toBe(false);
    expect(
      blindIndex([
        { kind: 'name', value: '  ' },
        { kind: 'phone', value: null },
      ]),
    ).toBeNull();
  });

  it('is keyed: another key gives other hashes, and a search during a rotation finds rows under either key', () => {
    setKeyRingForTests(k1);
    const old = blindIndex([{ kind: 'name', value: 'Grace Hopper' }]);
    setKeyRingForTests(k2);
    const fresh = blindIndex([{ kind: 'name', value: 'Grace Hopper' }]);
    expect(fresh?.[0]?.startsWith('k2:')).toBe(true);
    expect(fresh?.map((e) => e.slice(3))).not.toEqual(old?.map((e) => e.slice(3)));
    expect(finds(old, 'hopper')).toBe(false);
    setKeyRingForTests(`${k2},${k1}`);
    expect(finds(old, 'hopper')).toBe(true);
    expect(finds(fresh, 'hopper')).toBe(true);
  });
});
