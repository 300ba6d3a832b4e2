import type { Rule } from '../../rule.js';
import activeContent from './active-content.js';
import bulkWithoutUnsubscribe from './bulk-without-unsubscribe.js';
import executableAttachment from './executable-attachment.js';
import formInMail from './form-in-mail.js';
import hiddenText from './hidden-text.js';
import htmlAttachment from './html-attachment.js';
import imageOnly from './image-only.js';
import mixedScriptWord from './mixed-script-word.js';
import protectedArchive from './protected-archive.js';
import pushedOutOfView from './pushed-out-of-view.js';
import styledLetters from './styled-letters.js';
import textForFiltersOnly from './text-for-filters-only.js';
import zeroWidth from './zero-width.js';

export const CONTENT_RULES: Rule[] = [
  executableAttachment,
  htmlAttachment,
  formInMail,
  protectedArchive,
  mixedScriptWord,
  zeroWidth,
  imageOnly,
  hiddenText,
  textForFiltersOnly,
  pushedOutOfView,
  bulkWithoutUnsubscribe,
  styledLetters,
  activeContent,
];
