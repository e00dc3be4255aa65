/**
 * Products whose original title is Chinese, Japanese or Korean, with the English title the store
 * shows by default. Together with the three CJK anchor products they make about 8% of the base
 * catalog, so that search and the zh-CN storefront are exercised with real CJK text.
 */
import type { ProductKind } from './genres';
import { oneOf, table } from './rows';

export type CjkLanguage = 'zh' | 'ja' | 'ko';

const CJK_LANGUAGES: readonly CjkLanguage[] = ['zh', 'ja', 'ko'];

export type CjkTitleSpec = {
  title: string;
  originalTitle: string;
  language: CjkLanguage;
  kind: ProductKind;
  year: number;
  /** The first is the main genre. */
  genres: readonly [string, ...string[]];
};

/** One kind's titles, a row each: English title | original title | language | year | genres (main first). */
function titlesOf(kind: ProductKind, rows: string): CjkTitleSpec[] {
  return table(rows).map(([title, originalTitle, language, year, genres]) => {
    const [main, ...more] = (genres ?? '').split(',').map((genre) => genre.trim());
    return {
      title: title!,
      originalTitle: originalTitle!,
      language: oneOf(language, CJK_LANGUAGES),
      kind,
      year: Number(year),
      genres: [main!, ...more],
    };
  });
}

const MUSIC = `
  Rainy Season in Taipei | 台北雨季 | zh | 2004 | c-pop
  The Other Side of the Sea | 海的那边 | zh | 1996 | c-pop, folk
  Wind Through the Bamboo | 竹林风声 | zh | 2011 | c-pop, world
  Fireworks Over the River | 江上烟火 | zh | 2019 | c-pop, pop
  Faraway City | 远方的城市 | zh | 2008 | c-pop, rock
  Summer Letter | 夏の手紙 | ja | 2002 | j-pop
  Tokyo Night Drive | 東京ナイトドライブ | ja | 1983 | city-pop, soul-rnb
  Sea Breeze Avenue | 潮風通り | ja | 1981 | city-pop
  Plastic Dream | プラスティック・ドリーム | ja | 1986 | city-pop, pop
  Starry Sky Postcard | 星空のポストカード | ja | 2016 | j-pop, electronic
  After the Rain | 雨上がり | ja | 1997 | j-pop, rock
  First Snow | 첫눈 | ko | 2017 | k-pop
  Starlight | 별빛 | ko | 2021 | k-pop, electronic
  Summer Rain | 여름비 | ko | 2013 | k-pop, soul-rnb
  Neon Heart | 네온 하트 | ko | 2024 | k-pop, hip-hop
`;

const FILM = `
  The Last Ferry | 最后的渡船 | zh | 2012 | drama
  Swordsman of the Southern Hills | 南山剑客 | zh | 1972 | martial-arts, action
  Autumn in Chongqing | 重庆之秋 | zh | 2006 | romance, drama
  The Lighthouse Keeper’s Cat | 灯台守の猫 | ja | 2009 | anime, fantasy
  Spirit of the Mountain Pass | 峠の精霊 | ja | 1992 | anime, animation
  A Quiet Family | 静かな家族 | ja | 1965 | drama
  The Han River Affair | 한강 사건 | ko | 2018 | thriller, crime
  Persimmon Season | 감 익는 계절 | ko | 2003 | drama, comedy
  The Twelfth Floor | 열두 번째 층 | ko | 2022 | horror, thriller
`;

const SERIES = `
  The Tea Merchant’s Son | 茶商之子 | zh | 2016 | drama, romance
  Peach Blossom Inn | 桃花客栈 | zh | 2010 | comedy, martial-arts
  The Midnight Bakery | 真夜中のパン屋 | ja | 2019 | drama, comedy
  Hoshino Investigates | 星野探偵事務所 | ja | 2007 | crime, comedy
  The Royal Physician | 어의 | ko | 2014 | drama, romance
  Midnight Convenience Store | 심야 편의점 | ko | 2023 | comedy, drama
`;

export const CJK_TITLES: readonly CjkTitleSpec[] = [
  ...titlesOf('album', MUSIC),
  ...titlesOf('film', FILM),
  ...titlesOf('series', SERIES),
];
