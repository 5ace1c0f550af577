// portbot's version, for documents that name the program that wrote them (nmap XML's nmaprun).
// A constant rather than a JSON import of package.json: Node 20 prints an experimental warning
// for JSON modules on stderr, where the CLI promises one clean line. A test keeps the two equal.
export const PORTBOT_VERSION = '0.1.0';
