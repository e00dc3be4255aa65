import { describe, expect, it } from 'vitest';
import { cjkBigrams, cleanQuery, foldText, indexText, tokenize, toTsQuery } from '@/lib/catalog/search/normalize';

describe('foldText', () => {
  it('lower-cases, strips Latin accents and punctuation', () => {
    expect(foldText('Björk — Homogénic!')).toBe('bjork homogenic');
    expect(foldText("The Cartographer's Daughter")).toBe('the cartographer s daughter');
  });
  it('keeps Japanese voiced marks and Hangul intact', () => {
    expect(foldText('がっこう')).toBe('がっこう');
    expect(foldText('푸른 밤')).toBe('푸른 밤');
  });
  it('applies NFKC (full-width to ASCII)', () => {
    expect(foldText('ＡＢＣ１２３')).toBe('abc123');
  });
});

describe('CJK tokens', () => {
  it('splits a CJK run into overlapping bigrams', () => {
    expect(cjkBigrams('月光小夜曲')).toEqual(['月光', '光小', '小夜', '夜曲']);
    expect(cjkBigrams('月')).toEqual(['月']);
  });
  it('tokenizes mixed text', () => {
    expect(tokenize('Neon 月光小夜曲 2')).toEqual(['neon', '月光', '光小', '小夜', '夜曲', '2']);
  });
  it('indexes single characters and bigrams of CJK runs so fragments match', () => {
    const doc = indexText('雨の駅').split(' ');
    for (const fragment of tokenize('駅')) expect(doc).toContain(fragment);
    for (const fragment of tokenize('雨の')) expect(doc).toContain(fragment);
  });
});

describe('toTsQuery', () => {
  it('quotes every token and makes the last a prefix', () => {
    expect(toTsQuery('neon harb')).toBe("'neon' & 'harb':*");
  });
  it('never lets user text become tsquery syntax', () => {
    expect(toTsQuery("a' | ! & (b) :* \\")).toBe("'a' & 'b':*");
    expect(toTsQuery('!!! ***')).toBeNull();
    expect(toTsQuery('')).toBeNull();
  });
  it('does not prefix-match CJK bigrams', () => {
    expect(toTsQuery('小夜')).toBe("'小夜'");
  });
});

describe('cleanQuery', () => {
  it('bounds length and removes control characters', () => {
    expect(cleanQuery('a'.repeat(10_000))).toHaveLength(200);
    expect(cleanQuery('neon\u0000\u0007 harbour\n')).toBe('neon harbour');
    expect(cleanQuery(null)).toBe('');
  });
});
