/** The merchant lists (data/merchants.json), bundled like the engine's data so this code needs no file system. */
import merchants from '../../../data/merchants.json' with { type: 'json' };

export interface MerchantEntry {
  id: string;
  kind: 'digital-content' | 'gift-card';
  name: string;
  /** Literal substrings of the folded merchant, or `re:` regular expressions. */
  patterns: string[];
  sources: number[];
  editorial?: boolean;
}

export interface MerchantData {
  merchants: MerchantEntry[];
  testCharge: { maxYen: number; maxForeign: number };
  repeat: { withinDays: number };
  overseas: { patterns: string[] };
}

export const DEFAULT_MERCHANTS: MerchantData = merchants as unknown as MerchantData;
