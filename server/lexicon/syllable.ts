/**
 * Whether an upper-case word can be a Vietnamese syllable ("KẾT", "QUẢ", "HÀ"): a heading or a
 * header in capitals, not an abbreviation. "UBND", "THCS", "BHYT" cannot.
 */
const VOWELS = 'aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
const SYLLABLE = new RegExp(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[${VOWELS}]{1,3}(?:ng|nh|ch|[cmnpt])?$`, 'u');

export function isSyllable(word: string): boolean {
  return SYLLABLE.test(word.normalize('NFC').toLocaleLowerCase('vi'));
}
