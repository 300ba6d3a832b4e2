import { ruleTester } from '../../testing.js';
import rule from './risky-tld.js';

ruleTester(rule, {
  valid: [
    { name: '.com', url: 'https://www.example.com/' },
    { name: '.jp', url: 'https://www.example.co.jp/' },
    { name: 'a risky word in the path only', url: 'https://www.example.com/top/shop' },
  ],
  invalid: [
    { name: '.top', url: 'https://accoutunmemi.top/0O4lM9/', evidence: '.top' },
    { name: '.cn second level', url: 'https://www.example.com.cn/', evidence: 'example.com.cn' },
  ],
});
