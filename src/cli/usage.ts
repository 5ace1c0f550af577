// `portbot --help`.
export const USAGE = `Usage:
  portbot scan <target> [ports] [--udp] [--json|--xml|--csv]
                                                   scan allowed targets (default ports: common);
                                                   --xml is nmap's XML format, --csv one row per port
      [--services] [--all-hosts] [--save]          name what answers on open ports; scan hosts that seem down;
                                                   record the scan in history
  portbot history <target> [--json|--csv]          the last scans of a target (id, when, who, summary);
                                                   --csv: one row per scan
  portbot diff <target> [--json|--csv]             what changed between its two newest scans (as ndiff shows it);
                                                   --csv: one row per changed port
  portbot diff <id> <id> [--json|--csv]            what changed between two scans of history
  portbot watch list [--json] | stop <id>          the stored watches, or stop one (start watches in chat
                                                   or portbot console: /watch <target> [ports] every 6h)
  portbot port <number|service|idea> [--json]      explain a port or a networking idea
  portbot ping <target> [--json]                   is it up, and how far away (same allowlist as scan)
  portbot console                                  chat with portbot in this terminal
  portbot agent --zone <name>                      scan jobs for a zone from Redis (PORTBOT_REDIS_URL)
  portbot                                          start the Slack and/or Discord bot (console without tokens)
Ports: 22 | 22,80,443 | 1-1024 | ssh,https | common | thorough | all | U:53
Exit codes: 0 done, 2 invalid input or configuration, 3 refused by policy, 1 anything else
(including no history for a target, an unknown scan id, or a scan --save could not record).`;
