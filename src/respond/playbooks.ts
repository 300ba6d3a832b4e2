import amazon from '../../data/playbooks/amazon.json' with { type: 'json' };
import apple from '../../data/playbooks/apple.json' with { type: 'json' };
import common from '../../data/playbooks/common.json' with { type: 'json' };
import genericCard from '../../data/playbooks/generic-card.json' with { type: 'json' };
import genericService from '../../data/playbooks/generic-service.json' with { type: 'json' };
import rakuten from '../../data/playbooks/rakuten.json' with { type: 'json' };
import rakutenCard from '../../data/playbooks/rakuten-card.json' with { type: 'json' };
import smbcCard from '../../data/playbooks/smbc-card.json' with { type: 'json' };
import smsDelivery from '../../data/playbooks/sms-delivery.json' with { type: 'json' };
import type { Playbook } from './types.js';

/**
 * The playbooks shipped in data/playbooks/, bundled (no file system: the web app builds plans in the browser too).
 * A new playbook is one JSON file plus one line here; the data test checks that every file is listed.
 */
export const PLAYBOOKS: readonly Playbook[] = [
  amazon,
  rakuten,
  rakutenCard,
  smbcCard,
  apple,
  smsDelivery,
  genericCard,
  genericService,
  common,
] as Playbook[];
