/**
 * Format facts for the demo editions: when each format or platform reached the shops (older
 * products on it are reissues, with a later edition release date), SKU suffixes, and how much
 * each physical format sells relative to the others in the demo sales history.
 */
import type { editionFormat } from '@/lib/catalog/schema';

type EditionFormat = (typeof editionFormat.enumValues)[number];

/** When a format (or platform) reached the shops: older products on it are reissues. */
export const FORMAT_INTRODUCED: Readonly<Record<string, string>> = {
  cd: '1983-03-01',
  vinyl: '1948-06-21',
  cassette: '1966-01-01',
  digital_audio: '2003-04-28',
  dvd: '1997-03-24',
  bluray: '2006-06-20',
  uhd_bluray: '2016-03-01',
  digital_video: '2008-11-01',
  'PlayStation 5': '2020-11-12',
  'Xbox Series X': '2020-11-10',
  'PlayStation 4': '2013-11-15',
  'Xbox One': '2013-11-22',
  'Nintendo Switch': '2017-03-03',
  PC: '2004-09-12',
};

export const SKU_SUFFIX: Readonly<Record<string, string>> = {
  cd: 'CD',
  vinyl: 'VINYL',
  cassette: 'CASSETTE',
  digital_audio: 'DIGITAL',
  dvd: 'DVD',
  bluray: 'BD',
  uhd_bluray: 'UHD',
  digital_video: 'DIGITAL',
  'PlayStation 5': 'PS5',
  'Xbox Series X': 'XSX',
  'PlayStation 4': 'PS4',
  'Xbox One': 'XB1',
  'Nintendo Switch': 'SWITCH',
  PC: 'PC',
};

/** Relative demand for a format in the sales history (digital editions have no stock). */
export const FORMAT_DEMAND: Readonly<Record<EditionFormat, number>> = {
  cd: 1,
  vinyl: 0.85,
  cassette: 0.3,
  digital_audio: 0,
  dvd: 0.55,
  bluray: 1,
  uhd_bluray: 0.6,
  digital_video: 0,
  game_disc: 1,
  game_cartridge: 0.9,
  game_digital: 0,
};
