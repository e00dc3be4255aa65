/**
 * The genre list of the demo catalog. Genres are shared across kinds ("drama" serves films and
 * series), so slugs are unique without a kind prefix; `kinds` only tells the generator which
 * products may carry a genre.
 */

export type ProductKind = 'album' | 'film' | 'series' | 'game';

export type GenreSpec = {
  slug: string;
  name: string;
  /** Simplified Chinese name, shown when the store runs in zh-CN. */
  nameZh: string;
  kinds: readonly ProductKind[];
};

const MUSIC: readonly ProductKind[] = ['album'];
const SCREEN: readonly ProductKind[] = ['film', 'series'];
const GAMES: readonly ProductKind[] = ['game'];

export const GENRES: readonly GenreSpec[] = [
  // Music
  { slug: 'rock', name: 'Rock', nameZh: '摇滚', kinds: MUSIC },
  { slug: 'pop', name: 'Pop', nameZh: '流行', kinds: MUSIC },
  { slug: 'jazz', name: 'Jazz', nameZh: '爵士', kinds: MUSIC },
  { slug: 'classical', name: 'Classical', nameZh: '古典', kinds: MUSIC },
  { slug: 'electronic', name: 'Electronic', nameZh: '电子', kinds: MUSIC },
  { slug: 'hip-hop', name: 'Hip-Hop', nameZh: '嘻哈', kinds: MUSIC },
  { slug: 'soul-rnb', name: 'Soul & R&B', nameZh: '灵魂乐与节奏布鲁斯', kinds: MUSIC },
  { slug: 'folk', name: 'Folk', nameZh: '民谣', kinds: MUSIC },
  { slug: 'metal', name: 'Metal', nameZh: '金属', kinds: MUSIC },
  { slug: 'blues', name: 'Blues', nameZh: '布鲁斯', kinds: MUSIC },
  { slug: 'country', name: 'Country', nameZh: '乡村', kinds: MUSIC },
  { slug: 'reggae', name: 'Reggae', nameZh: '雷鬼', kinds: MUSIC },
  { slug: 'ambient', name: 'Ambient', nameZh: '氛围音乐', kinds: MUSIC },
  { slug: 'soundtrack', name: 'Soundtrack', nameZh: '原声', kinds: MUSIC },
  { slug: 'c-pop', name: 'C-Pop', nameZh: '华语流行', kinds: MUSIC },
  { slug: 'j-pop', name: 'J-Pop', nameZh: '日本流行', kinds: MUSIC },
  { slug: 'k-pop', name: 'K-Pop', nameZh: '韩国流行', kinds: MUSIC },
  { slug: 'city-pop', name: 'City Pop', nameZh: '城市流行', kinds: MUSIC },
  { slug: 'world', name: 'World', nameZh: '世界音乐', kinds: MUSIC },
  // Film and series
  { slug: 'drama', name: 'Drama', nameZh: '剧情', kinds: SCREEN },
  { slug: 'comedy', name: 'Comedy', nameZh: '喜剧', kinds: SCREEN },
  { slug: 'thriller', name: 'Thriller', nameZh: '惊悚', kinds: SCREEN },
  { slug: 'science-fiction', name: 'Science Fiction', nameZh: '科幻', kinds: SCREEN },
  { slug: 'horror', name: 'Horror', nameZh: '恐怖', kinds: SCREEN },
  { slug: 'animation', name: 'Animation', nameZh: '动画', kinds: SCREEN },
  { slug: 'documentary', name: 'Documentary', nameZh: '纪录片', kinds: SCREEN },
  { slug: 'romance', name: 'Romance', nameZh: '爱情', kinds: SCREEN },
  { slug: 'action', name: 'Action', nameZh: '动作', kinds: SCREEN },
  { slug: 'crime', name: 'Crime', nameZh: '犯罪', kinds: SCREEN },
  { slug: 'fantasy', name: 'Fantasy', nameZh: '奇幻', kinds: SCREEN },
  { slug: 'western', name: 'Western', nameZh: '西部', kinds: SCREEN },
  { slug: 'martial-arts', name: 'Martial Arts', nameZh: '武术', kinds: SCREEN },
  { slug: 'anime', name: 'Anime', nameZh: '日本动漫', kinds: SCREEN },
  // Games
  { slug: 'rpg', name: 'RPG', nameZh: '角色扮演', kinds: GAMES },
  { slug: 'action-adventure', name: 'Action-Adventure', nameZh: '动作冒险', kinds: GAMES },
  { slug: 'platformer', name: 'Platformer', nameZh: '平台跳跃', kinds: GAMES },
  { slug: 'strategy', name: 'Strategy', nameZh: '策略', kinds: GAMES },
  { slug: 'puzzle', name: 'Puzzle', nameZh: '解谜', kinds: GAMES },
  { slug: 'racing', name: 'Racing', nameZh: '竞速', kinds: GAMES },
  { slug: 'sports', name: 'Sports', nameZh: '体育', kinds: GAMES },
  { slug: 'shooter', name: 'Shooter', nameZh: '射击', kinds: GAMES },
  { slug: 'simulation', name: 'Simulation', nameZh: '模拟', kinds: GAMES },
  { slug: 'fighting', name: 'Fighting', nameZh: '格斗', kinds: GAMES },
];

/**
 * Genres that sit well beside a primary genre, so a product's second and third genres make sense
 * together (a jazz album may also be soul, never metal).
 */
export const GENRE_NEIGHBOURS: Readonly<Record<string, readonly string[]>> = {
  rock: ['blues', 'folk', 'metal', 'pop'],
  pop: ['electronic', 'soul-rnb', 'rock'],
  jazz: ['soul-rnb', 'blues', 'world'],
  classical: ['soundtrack', 'ambient'],
  electronic: ['ambient', 'pop', 'hip-hop'],
  'hip-hop': ['soul-rnb', 'electronic'],
  'soul-rnb': ['pop', 'jazz', 'hip-hop'],
  folk: ['country', 'rock', 'world'],
  metal: ['rock'],
  blues: ['rock', 'soul-rnb', 'jazz'],
  country: ['folk', 'rock'],
  reggae: ['world', 'soul-rnb'],
  ambient: ['electronic', 'classical'],
  soundtrack: ['classical', 'electronic', 'ambient'],
  'c-pop': ['pop', 'soul-rnb'],
  'j-pop': ['pop', 'electronic', 'city-pop'],
  'k-pop': ['pop', 'hip-hop', 'electronic'],
  'city-pop': ['pop', 'soul-rnb', 'j-pop'],
  world: ['folk', 'jazz', 'reggae'],
  drama: ['romance', 'crime', 'comedy'],
  comedy: ['romance', 'drama'],
  thriller: ['crime', 'drama', 'science-fiction'],
  'science-fiction': ['thriller', 'action', 'drama'],
  horror: ['thriller', 'fantasy'],
  animation: ['fantasy', 'comedy'],
  documentary: ['drama'],
  romance: ['drama', 'comedy'],
  action: ['thriller', 'crime', 'science-fiction'],
  crime: ['thriller', 'drama'],
  fantasy: ['action', 'drama'],
  western: ['drama', 'action'],
  'martial-arts': ['action', 'drama'],
  anime: ['animation', 'fantasy', 'science-fiction'],
  rpg: ['action-adventure', 'strategy'],
  'action-adventure': ['platformer', 'rpg', 'shooter'],
  platformer: ['puzzle', 'action-adventure'],
  strategy: ['simulation', 'rpg'],
  puzzle: ['platformer'],
  racing: ['sports', 'simulation'],
  sports: ['simulation', 'racing'],
  shooter: ['action-adventure'],
  simulation: ['strategy', 'racing'],
  fighting: ['action-adventure'],
};
