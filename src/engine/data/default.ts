import brands from '../../../data/brands.json' with { type: 'json' };
import hosts from '../../../data/hosts.json' with { type: 'json' };
import lures from '../../../data/lures.json' with { type: 'json' };
import notices from '../../../data/notices.json' with { type: 'json' };
import receivers from '../../../data/receivers.json' with { type: 'json' };
import type { BrandCatalogue, EngineData, HostLists, LureSet, NoticeSet, TrustedReceiver } from './types.js';

/** The catalogues shipped in data/, bundled so the engine needs no file system (browser, worker). */
export const DEFAULT_DATA: EngineData = {
  brands: brands as BrandCatalogue,
  receivers: (receivers as { receivers: TrustedReceiver[] }).receivers,
  lures: lures as LureSet,
  hosts: hosts as HostLists,
  notices: notices as NoticeSet,
  indicators: [],
};
