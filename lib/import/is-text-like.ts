/**
 * Whether decoded content is text at all. Binary files (images, archives,
 * PDFs, old .doc) decode to control characters and replacement marks; a
 * report never contains NUL and hardly any other control character.
 */
const SAMPLE_LENGTH = 64 * 1024;

export function isTextLike(text: string): boolean {
  const sample = text.slice(0, SAMPLE_LENGTH);
  if (sample.length === 0) return true;
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return false;
    // C0 controls other than tab, LF, FF, CR; DEL; U+FFFD from undecodable bytes.
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0x7f || code === 0xfffd)
      suspicious++;
  }
  return suspicious / sample.length < 0.01;
}
