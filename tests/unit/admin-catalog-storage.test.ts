import { describe, expect, it } from 'vitest';
import { EXTENSIONS, isClipType, isImageType, sniffType } from '@/lib/admin/catalog/magic-bytes';
import { thumbnailKeyOf, thumbnailUrlOf } from '@/lib/admin/catalog/uploads-keys';
import { parseEnv } from '@/lib/env';
import { storageSettingsFrom } from '@/lib/storage/config';
import {
  canonicalQuery,
  canonicalUri,
  EMPTY_PAYLOAD_HASH,
  sha256Hex,
  signingKey,
  signRequest,
} from '@/lib/storage/sigv4';

// The examples AWS publishes for Signature Version 4:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html (IAM ListUsers)
// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html (S3 GET, PUT, lifecycle, list)
const S3_EXAMPLE = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 's3',
  date: new Date('2013-05-24T00:00:00Z'),
};

describe('AWS Signature Version 4', () => {
  it('matches the IAM example: canonical request hash, signing key, signature', () => {
    const signed = signRequest({
      method: 'GET',
      url: new URL('https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08'),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payloadHash: EMPTY_PAYLOAD_HASH,
      region: 'us-east-1',
      service: 'iam',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      date: new Date('2015-08-30T12:36:00Z'),
    });
    expect(sha256Hex(signed.canonicalRequest)).toBe('f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
    expect(signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830', 'us-east-1', 'iam').toString('hex')).toBe(
      'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9',
    );
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date, ' +
        'Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    );
  });

  it('matches the S3 GET Object example', () => {
    const signed = signRequest({
      ...S3_EXAMPLE,
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_PAYLOAD_HASH },
      payloadHash: EMPTY_PAYLOAD_HASH,
    });
    expect(sha256Hex(signed.canonicalRequest)).toBe('7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972');
    expect(signed.signedHeaders).toBe('host;range;x-amz-content-sha256;x-amz-date');
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('matches the S3 PUT Object example (signed payload, a key with $)', () => {
    const body = 'Welcome to Amazon S3.';
    const payloadHash = sha256Hex(body);
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const signed = signRequest({
      ...S3_EXAMPLE,
      method: 'PUT',
      url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
      headers: {
        Date: 'Fri, 24 May 2013 00:00:00 GMT',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': payloadHash,
      },
      payloadHash,
    });
    expect(signed.canonicalRequest.split('\n')[1]).toBe('/test%24file.text');
    expect(signed.signedHeaders).toBe('date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class');
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('matches the S3 bucket examples with query strings', () => {
    const get = (url: string) =>
      signRequest({
        ...S3_EXAMPLE,
        method: 'GET',
        url: new URL(url),
        headers: { 'x-amz-content-sha256': EMPTY_PAYLOAD_HASH },
        payloadHash: EMPTY_PAYLOAD_HASH,
      }).signature;
    expect(get('https://examplebucket.s3.amazonaws.com/?lifecycle')).toBe(
      'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
    );
    expect(get('https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J')).toBe(
      '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
    );
  });

  it('encodes paths and queries the RFC 3986 way', () => {
    expect(canonicalUri('/a b/ü/x~y.z')).toBe('/a%20b/%C3%BC/x~y.z');
    expect(canonicalUri('/already%20encoded')).toBe('/already%20encoded');
    expect(canonicalQuery('?b=2&a=1&a=0&c')).toBe('a=0&a=1&b=2&c=');
  });
});

describe('storage settings', () => {
  it('is local disk without S3 variables', () => {
    expect(storageSettingsFrom(parseEnv({}))).toEqual({ kind: 'local' });
    expect(storageSettingsFrom(parseEnv({ S3_BUCKET: '' }))).toEqual({ kind: 'local' });
  });

  it('is S3 with them, deriving the public URL when not given', () => {
    const aws = storageSettingsFrom(
      parseEnv({
        S3_BUCKET: 'shop-media',
        S3_REGION: 'eu-west-1',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 's',
      }),
    );
    expect(aws).toMatchObject({
      kind: 's3',
      endpoint: null,
      publicUrl: 'https://shop-media.s3.eu-west-1.amazonaws.com',
    });
    const r2 = storageSettingsFrom(
      parseEnv({
        S3_BUCKET: 'media',
        S3_REGION: 'auto',
        S3_ENDPOINT: 'https://acct.r2.cloudflarestorage.com/',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 's',
        S3_PUBLIC_URL: 'https://media.example.com/',
      }),
    );
    expect(r2).toMatchObject({
      endpoint: 'https://acct.r2.cloudflarestorage.com',
      publicUrl: 'https://media.example.com',
    });
  });

  it('names the variable that is wrong or missing', () => {
    expect(() => parseEnv({ S3_BUCKET: 'media' })).toThrow(/S3_REGION.*\n.*S3_ACCESS_KEY_ID/s);
    expect(() =>
      parseEnv({
        S3_BUCKET: 'media',
        S3_REGION: 'x',
        S3_ACCESS_KEY_ID: 'a',
        S3_SECRET_ACCESS_KEY: 'b',
        S3_ENDPOINT: 'ftp://x',
      }),
    ).toThrow(/S3_ENDPOINT/);
    expect(() =>
      parseEnv({ S3_BUCKET: 'Not_A_Bucket', S3_REGION: 'x', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b' }),
    ).toThrow(/S3_BUCKET/);
  });
});

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? Array.from(v, (c) => c.charCodeAt(0)) : [v])));

describe('file types by magic bytes', () => {
  it.each([
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF')],
    ['image/png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d)],
    ['image/gif', bytes('GIF89a', 1, 0)],
    ['image/webp', bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ')],
    ['image/avif', bytes(0, 0, 0, 0x1c, 'ftyp', 'avif', 0, 0, 0, 0, 'avifmif1miaf')],
    ['audio/mpeg', bytes('ID3', 4, 0, 0, 0, 0, 0, 0)],
    ['audio/mpeg', bytes(0xff, 0xfb, 0x90, 0x64)],
    ['audio/ogg', bytes('OggS', 0, 2)],
    ['audio/wav', bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt ')],
    ['video/mp4', bytes(0, 0, 0, 0x18, 'ftyp', 'mp42', 0, 0, 0, 0, 'mp42isom')],
    ['video/mp4', bytes(0, 0, 0, 0x20, 'ftyp', 'isom', 0, 0, 2, 0, 'isomiso2avc1mp41')],
    ['video/webm', bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f)],
  ])('recognises %s', (type, data) => {
    expect(sniffType(data)).toBe(type);
    expect(EXTENSIONS[sniffType(data)!]).toBeTruthy();
  });

  it.each([
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['HTML', bytes('<!doctype html><script>')],
    ['a PDF', bytes('%PDF-1.7')],
    ['an empty file', bytes()],
    ['a HEIC photo', bytes(0, 0, 0, 0x18, 'ftyp', 'heic', 0, 0, 0, 0, 'mif1heic')],
    ['MPEG layer II', bytes(0xff, 0xfd, 0x90, 0x64)],
  ])('refuses %s', (_name, data) => expect(sniffType(data)).toBeNull());

  it('tells images from clips', () => {
    expect(isImageType('image/png')).toBe(true);
    expect(isImageType('video/mp4')).toBe(false);
    expect(isClipType('audio/ogg')).toBe(true);
    expect(isClipType(null)).toBe(false);
  });

  it('derives thumbnails of stored images only', () => {
    const key = 'catalog/images/3f2504e0-4f89-41d3-9a0c-0305e82c3301.webp';
    expect(thumbnailKeyOf(key)).toBe('catalog/images/3f2504e0-4f89-41d3-9a0c-0305e82c3301.thumb.webp');
    expect(thumbnailUrlOf(`/uploads/${key}`)).toBe(
      `/uploads/catalog/images/3f2504e0-4f89-41d3-9a0c-0305e82c3301.thumb.webp`,
    );
    expect(thumbnailKeyOf('catalog/clips/x.mp3')).toBeNull();
    expect(thumbnailUrlOf('/art/x/0.svg')).toBeNull();
  });
});
