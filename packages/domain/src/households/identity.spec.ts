import {
  isValidMobile,
  isValidPhone,
  isValidResidentId,
  maskIdNumber,
  maskPhone,
} from './identity';

describe('resident identity numbers', () => {
  it.each([
    ['11010519491231002X', true], // the standard's own example
    ['11010519491231002x', true],
    ['110105194912310021', false], // wrong check character
    ['110105194902300020', false], // 30 February
    ['11010519491231002', false], // 17 characters
    ['abcdefghijklmnopqr', false],
  ])('%s valid: %s', (id, ok) => {
    expect(isValidResidentId(id)).toBe(ok);
  });

  it('masks an 18-character number to 3 + 4', () => {
    expect(maskIdNumber('110105199001011234')).toBe('110***********1234');
  });

  it('masks short documents without revealing most of them', () => {
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('123')).toBe('***');
  });
});

describe('phones', () => {
  it.each([
    ['13812341234', true],
    ['19912341234', true],
    ['12812341234', false],
    ['1381234123', false],
    ['021-12345678', false],
  ])('%s valid: %s', (p, ok) => {
    expect(isValidMobile(p)).toBe(ok);
  });

  it('masks the middle four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
});

describe('the one phone rule', () => {
  it.each<[string, 'mobile' | 'contact' | 'service', boolean]>([
    ['13812341234', 'mobile', true],
    ['0755-86001234', 'mobile', false],
    ['12812341234', 'contact', false],
    ['0755-86001234', 'contact', true],
    ['01088886666', 'contact', true],
    ['400-800-1234', 'contact', false],
    ['400-800-1234', 'service', true],
    ['4008001234', 'service', true],
    ['0755-8600', 'service', false],
    [' 13812341234 ', 'contact', true],
    ['', 'service', false],
  ])('%s as %s → %s', (phone, kind, ok) => {
    expect(isValidPhone(phone, kind)).toBe(ok);
  });
});
