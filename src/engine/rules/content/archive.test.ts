import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listArchive } from './archive.js';
import { zip } from './fixtures.test.js';

describe('listArchive', () => {
  it('lists ZIP entries and their encryption flag', () => {
    const l = listArchive(zip([{ name: 'a.pdf' }, { name: 'b.exe', encrypted: true }]), 'x.zip');
    assert.equal(l?.kind, 'zip');
    assert.deepEqual(l?.entries, [
      { name: 'a.pdf', encrypted: false },
      { name: 'b.exe', encrypted: true },
    ]);
  });
  it('recognises RAR and 7z by signature', () => {
    assert.equal(listArchive(new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0]), null)?.kind, 'rar');
    assert.equal(listArchive(new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), 'x.bin')?.kind, '7z');
  });
  it('ignores other files and garbage', () => {
    assert.equal(listArchive(new TextEncoder().encode('%PDF-1.4'), 'a.pdf'), null);
    assert.deepEqual(listArchive(new Uint8Array([0x50, 0x4b, 3, 4, 0xff, 0xff]), 'a.zip')?.entries, []);
  });
});
