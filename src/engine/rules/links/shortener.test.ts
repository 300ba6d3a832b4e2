import { eml, ruleTester } from '../../testing.js';
import rule from './shortener.js';

ruleTester(rule, {
  valid: [
    { name: 'a full link', url: 'https://www.example.com/campaign' },
    { name: 'a host that merely ends like a shortener', url: 'https://www.habit.ly.example.com/' },
    { name: 'a look-alike host name', url: 'https://notbit.ly/abc' },
  ],
  invalid: [
    { name: 'bit.ly', url: 'https://bit.ly/3xYzAbc', evidence: 'bit.ly' },
    {
      name: 'a brand mail with a shortener',
      email: eml({
        from: 'Amazon <info@example.top>',
        subject: 'Amazon アカウントの確認',
        text: '確認はこちら https://tinyurl.com/abcd12',
      }),
      evidence: 'tinyurl.com',
    },
  ],
});
