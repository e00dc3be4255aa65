import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadFileName } from '@/lib/library/files';
import { presignGetUrl } from '@/lib/storage/sigv4';

describe('presigned GET URLs (SigV4 in the query string)', () => {
  it('match the example AWS publishes', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
    expect(
      presignGetUrl({
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        region: 'us-east-1',
        service: 's3',
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        date: new Date('2013-05-24T00:00:00Z'),
        expiresSeconds: 86400,
      }),
    ).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
        '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
        '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
        '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });
});

describe('download file names', () => {
  it('keep the title and the format’s extension, without path tricks, controls or quotes', () => {
    expect(downloadFileName('So What', 'flac')).toBe('So What.flac');
    expect(downloadFileName('../../etc/passwd', 'mp3_320')).toBe('-..-etc-passwd.mp3'); // no separator left
    expect(downloadFileName('a\u0000b\u202Ec\nd', 'alac')).toBe('abcd.m4a');
    expect(downloadFileName('...', 'zip')).toBe('download.zip');
    expect(downloadFileName('x'.repeat(300), 'ogg')).toHaveLength(154);
  });

  it('are given as ASCII and as RFC 5987 UTF-8 in Content-Disposition', () => {
    expect(contentDisposition('Café 夜曲.flac')).toBe(
      `attachment; filename="Cafe __.flac"; filename*=UTF-8''Caf%C3%A9%20%E5%A4%9C%E6%9B%B2.flac`,
    );
    expect(contentDisposition(`it's 100% (live).mp3`)).toBe(
      `attachment; filename="it's 100_ (live).mp3"; filename*=UTF-8''it%27s%20100%25%20%28live%29.mp3`,
    );
  });
});
