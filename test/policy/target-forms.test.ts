// Forms with two readings: text the WHATWG host parser (node:url) would cut short or silently drop
// must be refused before it gets there, with one line that says what was wrong and what to write.
// The sweep runs every Unicode code point through three templates, so no character class can be
// truncated or dropped the way '#', '?', '\' and the variation selectors were.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { domainToUnicode } from 'node:url';
import { canonicalIp } from '../../src/policy/ip-address.js';
import { parseTarget } from '../../src/policy/target-parse.js';

/** The refusal line for `raw`, or a description of what it was (wrongly) read as. */
function refusalOf(raw: string): string {
  const parsed = parseTarget(raw);
  if (parsed.kind === 'input') return parsed.message;
  if (parsed.kind === 'address') return `READ AS address ${canonicalIp(parsed.ip)}`;
  if (parsed.kind === 'block') return `READ AS block ${canonicalIp(parsed.address)}/${parsed.prefix}`;
  return `READ AS name ${parsed.name}`;
}

const assertRefused = (raw: string, message: RegExp): void => {
  const line = refusalOf(raw);
  assert.match(line, message, JSON.stringify(raw));
  assert.match(line, /^[^\n]{1,300}$/, `one short line for ${JSON.stringify(raw)}`);
};

test("text after '#', '?', '\\' or a second '/' is refused, never dropped, and the line says what to write", () => {
  const cases: Record<string, RegExp> = {
    '10.20.30.40#127.0.0.1': /^"10\.20\.30\.40#127\.0\.0\.1" has '#' in it, which is not part of a host name or address: give the host alone \(10\.20\.30\.40\), and separate several targets with commas$/,
    '10.20.30.40?x': /has '\?' in it, .*give the host alone \(10\.20\.30\.40\)/,
    '10.20.30.40\\127.0.0.1': /has '\\' in it, .*give the host alone \(10\.20\.30\.40\)/,
    'web-1#frag': /has '#' in it, .*\(web-1\)/,
    'web-1.example?': /has '\?' in it, .*\(web-1\.example\)/,
    '#127.0.0.1': /has '#' in it, .*give the host alone, e\.g\. web-1\.example\.com/,
    '10.20.30.40/anything/32': /^"10\.20\.30\.40\/anything\/32" has more than one '\/': a CIDR block is an address and one prefix length, e\.g\. 10\.0\.0\.0\/28/,
    '10.20.30.40/32/8': /has more than one '\/'/,
    '//127.0.0.1': /has more than one '\/'/,
    '10.0.0.0/24/': /has more than one '\/'/,
    '10.20.30.40;id': /has ';' in it/,
    '10.20.30.40|x': /has '\|' in it/,
    '10.20.30.40^x': /has '\^' in it/,
    '10.20.30.40<x>': /has '<' in it/,
    'web-1!': /has '!' in it/,
    "web-1'": /has ''' in it/,
    // Fullwidth signs that UTS #46 would map to '#', '/', '?' and '\': named by code point.
    '10.20.30.40＃127.0.0.1': /has U\+FF03 in it, which is not part of a host name or address: give the host alone \(10\.20\.30\.40\)/,
    '10.20.30.40／8': /has U\+FF0F in it/,
    'web？x': /has U\+FF1F in it/,
    'web＼x': /has U\+FF3C in it/,
    'a[b': /brackets go only around an IPv6 address, e\.g\. \[fd00::1\]/,
    '[::1]x': /brackets go only around an IPv6 address/,
  };
  for (const [raw, message] of Object.entries(cases)) assertRefused(raw, message);
});

test('misleading answers are gone: each form is told what was wrong and what to write', () => {
  const cases: Record<string, RegExp> = {
    'http:127.0.0.1': /^"http:127\.0\.0\.1" looks like a URL \(http:\): give the host alone \(127\.0\.0\.1\) and the ports separately$/,
    'https:web-1': /looks like a URL \(https:\): give the host alone \(web-1\)/,
    '127.0.0.1:': /^"127\.0\.0\.1:" has a ':' but no port after it: give the host alone \(127\.0\.0\.1\)/,
    ':8080': /^":8080" is a port without a host: give the host first, then the ports, e\.g\. web-1 8080$/,
    'web-1:22': /^"web-1:22" has a port in it: give the host alone \(web-1\) and the ports separately, e\.g\. web-1 22$/,
    'web-1:ssh': /has a port in it: give the host alone \(web-1\) and the ports separately, e\.g\. web-1 ssh/,
    'web_1:x:y': /has ':' in it, which only IPv6 addresses have/,
    'web-1:x:y': /has ':' in it, which only IPv6 addresses have/,
    '1::2::3': /is not a valid IPv6 address/,
    // The "give the host alone" hint only ever echoes a target that would itself be read.
    'root@0/': /^"root@0\/" has a user name in it: give the host alone, e\.g\. web-1\.example\.com$/,
    'user@127.0.0.1#': /^"user@127\.0\.0\.1#" has a user name in it: give the host alone, e\.g\./,
    'user@127.0.0.1': /has a user name in it: give the host alone \(127\.0\.0\.1\)/,
    'http://web-1:8080/': /is a URL: give the host alone \(web-1\) and the ports separately/,
    'http://[::1]:80/': /is a URL: give the host alone \(\[::1\]\)/,
    'http://a^b/': /is a URL: give the host alone and the ports separately/,
    '*.example.com': /^"\*\.example\.com" is not a host name: a wildcard \(\*\) cannot be scanned; name one host, e\.g\. web-1\.example\.com$/,
  };
  for (const [raw, message] of Object.entries(cases)) {
    assertRefused(raw, message);
    assert.doesNotMatch(refusalOf(raw), /\(0\/\)|\(127\.0\.0\.1#\)/, raw);
  }
  assert.doesNotMatch(refusalOf('http:127.0.0.1'), /IPv6/);
  assert.doesNotMatch(refusalOf('127.0.0.1:'), /IPv6/);
  assert.doesNotMatch(refusalOf(':8080'), /IPv6/);
});

const hex = (codePoint: number): string => codePoint.toString(16).toUpperCase().padStart(4, '0');

function* everyCodePoint(): Generator<number> {
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) if (codePoint < 0xd800 || codePoint > 0xdfff) yield codePoint;
}

test('no code point, in any of three positions, is dropped or cuts the rest of the target off', () => {
  const wrong: string[] = [];
  for (const codePoint of everyCodePoint()) {
    const char = String.fromCodePoint(codePoint);
    // Unassigned code points (most of the range) meet one check; one template is enough for them.
    const unassigned = /\p{Cn}/u.test(char);
    // Whatever the character, two addresses glued together are never one address.
    for (const raw of unassigned ? [`10.20.30.40${char}127.0.0.1`] : [`10.20.30.40${char}127.0.0.1`, `10.20.30.40${char}x/32`]) {
      const read = refusalOf(raw);
      if (read.startsWith('READ AS')) wrong.push(`U+${hex(codePoint)} in ${JSON.stringify(raw)}: ${read}`);
    }
    if (unassigned) continue;
    // A name may take a letter (IDN) or a mapped form of one, but never lose the character or what follows it.
    const name = parseTarget(`web${char}1.test`);
    if (name.kind === 'name') {
      const unicode = domainToUnicode(name.name);
      // NFD: a combining mark may compose with the letter before it (b + U+0307 -> U+1E03), which is no loss.
      if (unicode === 'web1.test' || !unicode.normalize('NFD').startsWith('web') || !unicode.endsWith('1.test')) wrong.push(`U+${hex(codePoint)}: web?1.test read as ${name.name}`);
    } else if (name.kind !== 'input') wrong.push(`U+${hex(codePoint)}: web?1.test read as an address`);
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} code points were misread`);
});

test('invisible characters (every default-ignorable code point) are refused and shown as U+XXXX, never raw', () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const codePoint of everyCodePoint()) {
    const char = String.fromCodePoint(codePoint);
    if (!/\p{Default_Ignorable_Code_Point}/u.test(char)) continue;
    checked += 1;
    for (const raw of [`web${char}1.test`, `127.0.0.1${char}`, `${char}10.0.0.1`]) {
      const parsed = parseTarget(raw);
      if (parsed.kind !== 'input') wrong.push(`U+${hex(codePoint)} in ${JSON.stringify(raw)} was accepted`);
      else if (!parsed.message.includes(`U+${hex(codePoint)}`) || parsed.message.includes(char)) wrong.push(`U+${hex(codePoint)}: ${JSON.stringify(parsed.message)}`);
      else if (!/control or invisible character/.test(parsed.message)) wrong.push(`U+${hex(codePoint)}: ${parsed.message}`);
    }
  }
  assert.ok(checked > 4000, `only ${checked} default-ignorable code points`);
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} problems`);
  // The ones named in the report, spelled out in full.
  for (const codePoint of [0xfe00, 0xfe0f, 0xe0100, 0xe01ef, 0x034f, 0x180b, 0x180c, 0x180d, 0x180e, 0x180f, 0x3164, 0xffa0, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x00ad, 0x200b, 0x2060, 0xfeff]) {
    assertRefused(`127.0.0.1${String.fromCodePoint(codePoint)}`, new RegExp(`^"127\\.0\\.0\\.1<U\\+${hex(codePoint)}>" contains U\\+${hex(codePoint)}, a control or invisible character: type the target again as plain text$`));
  }
  // Controls and separators are named the same way.
  assertRefused('a\u0000b', /^"a<U\+0000>b" contains U\+0000, a control or invisible character/);
  assertRefused('a\u2028b', /contains U\+2028/);
});
