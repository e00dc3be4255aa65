/**
 * Products whose original title is Chinese, Japanese or Korean, with the English title the store
 * shows by default. Together with the three CJK anchor products they make about 8% of the base
 * catalog, so that search and the zh-CN storefront are exercised with real CJK text.
 */
import type { ProductKind } from './genres';

export type CjkLanguage = 'zh' | 'ja' | 'ko';

export type CjkTitleSpec = {
  title: string;
  originalTitle: string;
  language: CjkLanguage;
  kind: ProductKind;
  year: number;
  /** The first is the main genre. */
  genres: readonly [string, ...string[]];
};

export const CJK_TITLES: readonly CjkTitleSpec[] = [
  // Music
  {
    title: 'Rainy Season in Taipei',
    originalTitle: '台北雨季',
    language: 'zh',
    kind: 'album',
    year: 2004,
    genres: ['c-pop'],
  },
  {
    title: 'The Other Side of the Sea',
    originalTitle: '海的那边',
    language: 'zh',
    kind: 'album',
    year: 1996,
    genres: ['c-pop', 'folk'],
  },
  {
    title: 'Wind Through the Bamboo',
    originalTitle: '竹林风声',
    language: 'zh',
    kind: 'album',
    year: 2011,
    genres: ['c-pop', 'world'],
  },
  {
    title: 'Fireworks Over the River',
    originalTitle: '江上烟火',
    language: 'zh',
    kind: 'album',
    year: 2019,
    genres: ['c-pop', 'pop'],
  },
  {
    title: 'Faraway City',
    originalTitle: '远方的城市',
    language: 'zh',
    kind: 'album',
    year: 2008,
    genres: ['c-pop', 'rock'],
  },
  { title: 'Summer Letter', originalTitle: '夏の手紙', language: 'ja', kind: 'album', year: 2002, genres: ['j-pop'] },
  {
    title: 'Tokyo Night Drive',
    originalTitle: '東京ナイトドライブ',
    language: 'ja',
    kind: 'album',
    year: 1983,
    genres: ['city-pop', 'soul-rnb'],
  },
  {
    title: 'Sea Breeze Avenue',
    originalTitle: '潮風通り',
    language: 'ja',
    kind: 'album',
    year: 1981,
    genres: ['city-pop'],
  },
  {
    title: 'Plastic Dream',
    originalTitle: 'プラスティック・ドリーム',
    language: 'ja',
    kind: 'album',
    year: 1986,
    genres: ['city-pop', 'pop'],
  },
  {
    title: 'Starry Sky Postcard',
    originalTitle: '星空のポストカード',
    language: 'ja',
    kind: 'album',
    year: 2016,
    genres: ['j-pop', 'electronic'],
  },
  {
    title: 'After the Rain',
    originalTitle: '雨上がり',
    language: 'ja',
    kind: 'album',
    year: 1997,
    genres: ['j-pop', 'rock'],
  },
  { title: 'First Snow', originalTitle: '첫눈', language: 'ko', kind: 'album', year: 2017, genres: ['k-pop'] },
  {
    title: 'Starlight',
    originalTitle: '별빛',
    language: 'ko',
    kind: 'album',
    year: 2021,
    genres: ['k-pop', 'electronic'],
  },
  {
    title: 'Summer Rain',
    originalTitle: '여름비',
    language: 'ko',
    kind: 'album',
    year: 2013,
    genres: ['k-pop', 'soul-rnb'],
  },
  {
    title: 'Neon Heart',
    originalTitle: '네온 하트',
    language: 'ko',
    kind: 'album',
    year: 2024,
    genres: ['k-pop', 'hip-hop'],
  },
  // Film
  { title: 'The Last Ferry', originalTitle: '最后的渡船', language: 'zh', kind: 'film', year: 2012, genres: ['drama'] },
  {
    title: 'Swordsman of the Southern Hills',
    originalTitle: '南山剑客',
    language: 'zh',
    kind: 'film',
    year: 1972,
    genres: ['martial-arts', 'action'],
  },
  {
    title: 'Autumn in Chongqing',
    originalTitle: '重庆之秋',
    language: 'zh',
    kind: 'film',
    year: 2006,
    genres: ['romance', 'drama'],
  },
  {
    title: 'The Lighthouse Keeper’s Cat',
    originalTitle: '灯台守の猫',
    language: 'ja',
    kind: 'film',
    year: 2009,
    genres: ['anime', 'fantasy'],
  },
  {
    title: 'Spirit of the Mountain Pass',
    originalTitle: '峠の精霊',
    language: 'ja',
    kind: 'film',
    year: 1992,
    genres: ['anime', 'animation'],
  },
  { title: 'A Quiet Family', originalTitle: '静かな家族', language: 'ja', kind: 'film', year: 1965, genres: ['drama'] },
  {
    title: 'The Han River Affair',
    originalTitle: '한강 사건',
    language: 'ko',
    kind: 'film',
    year: 2018,
    genres: ['thriller', 'crime'],
  },
  {
    title: 'Persimmon Season',
    originalTitle: '감 익는 계절',
    language: 'ko',
    kind: 'film',
    year: 2003,
    genres: ['drama', 'comedy'],
  },
  {
    title: 'The Twelfth Floor',
    originalTitle: '열두 번째 층',
    language: 'ko',
    kind: 'film',
    year: 2022,
    genres: ['horror', 'thriller'],
  },
  // Series
  {
    title: 'The Tea Merchant’s Son',
    originalTitle: '茶商之子',
    language: 'zh',
    kind: 'series',
    year: 2016,
    genres: ['drama', 'romance'],
  },
  {
    title: 'Peach Blossom Inn',
    originalTitle: '桃花客栈',
    language: 'zh',
    kind: 'series',
    year: 2010,
    genres: ['comedy', 'martial-arts'],
  },
  {
    title: 'The Midnight Bakery',
    originalTitle: '真夜中のパン屋',
    language: 'ja',
    kind: 'series',
    year: 2019,
    genres: ['drama', 'comedy'],
  },
  {
    title: 'Hoshino Investigates',
    originalTitle: '星野探偵事務所',
    language: 'ja',
    kind: 'series',
    year: 2007,
    genres: ['crime', 'comedy'],
  },
  {
    title: 'The Royal Physician',
    originalTitle: '어의',
    language: 'ko',
    kind: 'series',
    year: 2014,
    genres: ['drama', 'romance'],
  },
  {
    title: 'Midnight Convenience Store',
    originalTitle: '심야 편의점',
    language: 'ko',
    kind: 'series',
    year: 2023,
    genres: ['comedy', 'drama'],
  },
];
