/**
 * The form in which queries and the names they may match are compared: lower case, single spaces,
 * no question marks or quotes, and "well-known" equal to "well known". Digits keep their sign and
 * slashes so "-1" and "53/udp" survive for the port parser.
 */
export function topicKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[?!.,;"`]+/g, ' ')
    .replace(/(?<=[a-z])[-_](?=[a-z])/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
