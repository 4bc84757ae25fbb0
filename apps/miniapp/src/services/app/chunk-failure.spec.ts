import { isChunkLoadFailure, routeOf } from './chunk-failure';

describe('isChunkLoadFailure', () => {
  it.each([
    [
      Object.assign(new Error('Loading chunk 123 failed.\n(error: /js/123.abcd.js)'), {
        name: 'ChunkLoadError',
      }),
      true,
    ],
    [new Error('Loading chunk subpackages-ticket-report-index failed.'), true],
    [
      Object.assign(new Error('Loading CSS chunk 7 failed.'), { code: 'CSS_CHUNK_LOAD_FAILED' }),
      true,
    ],
    [new Error('网络错误'), false],
    [new TypeError("Cannot read properties of undefined (reading 'id')"), false],
    ['Loading chunk 1 failed.', false],
    [null, false],
  ])('%p → %p', (reason, expected) => {
    expect(isChunkLoadFailure(reason)).toBe(expected);
  });
});

describe('routeOf', () => {
  it('reads the hash route, else the path', () => {
    expect(
      routeOf({ hash: '#/subpackages/ticket/report/index?category=x', pathname: '/', search: '' }),
    ).toBe('/subpackages/ticket/report/index?category=x');
    expect(routeOf({ hash: '', pathname: '/pages/me/index', search: '?a=1' })).toBe(
      '/pages/me/index?a=1',
    );
  });
});
