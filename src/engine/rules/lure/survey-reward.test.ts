import { eml, ruleTester } from '../../testing.js';
import rule from './survey-reward.js';

const mail = (subject: string, text: string) => eml({ from: 'Info <info@example.net>', subject, text });

ruleTester(rule, {
  valid: [
    { name: 'a land survey', email: mail('Survey results', 'The survey of the plot is attached.') },
    {
      name: 'a research questionnaire without reward',
      email: mail('Study', 'Results of the questionnaire are in.'),
    },
  ],
  invalid: [
    {
      name: 'a survey for a prize',
      email: mail('Nehmen Sie an unserer Umfrage teil und gewinnen Sie', 'Ihre Belohnung wartet.'),
      evidence: 'an unserer Umfrage teil',
    },
    {
      name: 'a loyalty gift',
      email: mail(
        'Your loyalty gift awaits',
        'To claim, simply take this short survey about your experience.',
      ),
      evidence: 'take this short survey',
    },
    {
      name: 'Japanese survey bait',
      email: mail('アンケート', 'アンケートにご回答いただくと謝礼をお送りします'),
      evidence: '謝礼',
    },
  ],
});
