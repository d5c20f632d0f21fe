
use builtin;
use str;

set edit:completion:arg-completer[konnect] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'konnect'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'konnect'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand lookup 'Show a customer: subscription, due amount, packages on offer'
            cand pay 'Pay for a package: look up, choose, confirm, pay once, print the receipt'
            cand status 'Look a payment up at the service and settle it in the journal'
            cand reconcile 'Look up every unsettled payment and settle it'
            cand balance 'Show the account''s credits'
            cand history 'List payments from the journal, newest first'
            cand report 'A day''s totals per ISP and outcome'
            cand receipt 'Print a payment''s receipt again'
            cand config 'Show or change settings'
            cand counter 'Serve customers one after another at a counter (a terminal): one process, warm connection'
            cand journal 'Work on the journal itself: copy it into another (a shop moving to PostgreSQL)'
            cand doctor 'Check the setup: token, config, journal, the way to the service, the balance, the clock'
            cand version 'Show the version, commit, build date, target, features and journal schema'
            cand completions 'Print a shell completion script'
            cand sandbox 'Serve the built-in simulator; prints its base URL and a test token'
            cand __references 'The short references of recent payments, one a line, for shell completion'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'konnect;lookup'= {
            cand --isp 'The ISP''s slug (prompted for on a terminal when missing or unknown)'
            cand --user 'The customer''s username (prompted for on a terminal when missing)'
            cand --users-from 'Look up many: one username per line, or `isp,user` lines without --isp ("-" for stdin)'
            cand --jobs 'Parallel lookups for --users-from (1 to 16)'
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;pay'= {
            cand --isp 'The ISP''s slug (prompted for on a terminal when missing or unknown)'
            cand --user 'The customer''s username (prompted for on a terminal when missing)'
            cand --package 'The package to pay for (prompted for, current one preselected, when missing)'
            cand --amount 'The amount the customer pays; must equal the package''s amount'
            cand --width 'Receipt characters per line: 32, 42 or 48 [default: config receipt_width, else 42]'
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand -y 'Skip the confirmation'
            cand --yes 'Skip the confirmation'
            cand --allow-repeat 'Pay even though the same customer was paid for in the last 24 hours'
            cand --dry-run 'Do everything up to the payment, print the request that would be sent, send nothing'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;status'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;reconcile'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;balance'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;history'= {
            cand --since 'From this day: today, yesterday, YYYY-MM-DD or YYYY-MM-DDbs (local time)'
            cand --until 'Up to and including this day (same forms as --since)'
            cand --isp 'isp'
            cand --user 'user'
            cand --outcome 'outcome'
            cand --at-counter 'Only the payments made at this counter (a shared journal)'
            cand --limit 'At most this many rows'
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --csv 'CSV on stdout'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;report'= {
            cand --date 'The day: today, yesterday, YYYY-MM-DD or YYYY-MM-DDbs [default: today]'
            cand --at-counter 'Only the payments made at this counter (a shared journal)'
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --csv 'CSV on stdout'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;receipt'= {
            cand --width 'Characters per line, for thermal printers [default: config receipt_width, else 42]'
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --last 'The newest payment of this journal'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;config'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Show each setting and where it came from (the token masked)'
            cand set 'Set a setting: env, base_url, timeout, journal, low_balance, lookup_grace_secs, ca_file, receipt_width, backups_kept, counter, lang, digits, shop_name, shop_address, shop_phone, shop_pan'
            cand set-token 'Store the token (read from stdin, or a hidden prompt on a terminal)'
            cand path 'Print the config file''s path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'konnect;config;show'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;config;set'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;config;set-token'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;config;path'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;config;help'= {
            cand show 'Show each setting and where it came from (the token masked)'
            cand set 'Set a setting: env, base_url, timeout, journal, low_balance, lookup_grace_secs, ca_file, receipt_width, backups_kept, counter, lang, digits, shop_name, shop_address, shop_phone, shop_pan'
            cand set-token 'Store the token (read from stdin, or a hidden prompt on a terminal)'
            cand path 'Print the config file''s path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'konnect;config;help;show'= {
        }
        &'konnect;config;help;set'= {
        }
        &'konnect;config;help;set-token'= {
        }
        &'konnect;config;help;path'= {
        }
        &'konnect;config;help;help'= {
        }
        &'konnect;counter'= {
            cand --isp 'Serve every customer at this ISP (else asked for each, the last one preselected)'
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;journal'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand copy 'Copy every row of this journal into another, keeping references; safe to run again'
            cand backup 'Write a checked copy of the SQLite journal while counters keep paying'
            cand restore 'Put a copy back as the journal (the journal as it was is kept first)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'konnect;journal;copy'= {
            cand --to 'The journal to copy into: postgres://USER@HOST[:PORT]/DB (the password from PGPASSWORD, ~/.pgpass or the config file) or a SQLite file'
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;journal;backup'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;journal;restore'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --force 'Restore even though the journal holds payments the copy lacks'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;journal;help'= {
            cand copy 'Copy every row of this journal into another, keeping references; safe to run again'
            cand backup 'Write a checked copy of the SQLite journal while counters keep paying'
            cand restore 'Put a copy back as the journal (the journal as it was is kept first)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'konnect;journal;help;copy'= {
        }
        &'konnect;journal;help;backup'= {
        }
        &'konnect;journal;help;restore'= {
        }
        &'konnect;journal;help;help'= {
        }
        &'konnect;doctor'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;version'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;completions'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;sandbox'= {
            cand --addr 'Address to listen on (loopback only)'
            cand --state 'Keep the simulator''s state in this file (default: in memory)'
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --tls 'Serve HTTPS with a certificate made at start; prints the CA file to trust'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;__references'= {
            cand --env 'Which service: the staging server (test) or the live one'
            cand --base-url 'Base URL of the service, overriding --env'
            cand --token-file 'Read the token from this file (there is no flag that takes the token itself)'
            cand --timeout 'Seconds a whole request may take [default: 30]'
            cand --journal 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]'
            cand --counter 'This counter''s name in a shared journal [default: the computer''s name]'
            cand --lang 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change'
            cand --color 'When to use colour (NO_COLOR is honoured by auto)'
            cand --json 'Print exactly one JSON document on stdout (NDJSON for batches)'
            cand --no-input 'Never prompt: missing values and confirmations become usage errors'
            cand --sandbox 'Run against the built-in simulator (test token, journal of its own)'
            cand -v 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand --verbose 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
            cand -q 'Print only results and errors (no banner, no warnings)'
            cand --quiet 'Print only results and errors (no banner, no warnings)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'konnect;help'= {
            cand lookup 'Show a customer: subscription, due amount, packages on offer'
            cand pay 'Pay for a package: look up, choose, confirm, pay once, print the receipt'
            cand status 'Look a payment up at the service and settle it in the journal'
            cand reconcile 'Look up every unsettled payment and settle it'
            cand balance 'Show the account''s credits'
            cand history 'List payments from the journal, newest first'
            cand report 'A day''s totals per ISP and outcome'
            cand receipt 'Print a payment''s receipt again'
            cand config 'Show or change settings'
            cand counter 'Serve customers one after another at a counter (a terminal): one process, warm connection'
            cand journal 'Work on the journal itself: copy it into another (a shop moving to PostgreSQL)'
            cand doctor 'Check the setup: token, config, journal, the way to the service, the balance, the clock'
            cand version 'Show the version, commit, build date, target, features and journal schema'
            cand completions 'Print a shell completion script'
            cand sandbox 'Serve the built-in simulator; prints its base URL and a test token'
            cand __references 'The short references of recent payments, one a line, for shell completion'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'konnect;help;lookup'= {
        }
        &'konnect;help;pay'= {
        }
        &'konnect;help;status'= {
        }
        &'konnect;help;reconcile'= {
        }
        &'konnect;help;balance'= {
        }
        &'konnect;help;history'= {
        }
        &'konnect;help;report'= {
        }
        &'konnect;help;receipt'= {
        }
        &'konnect;help;config'= {
            cand show 'Show each setting and where it came from (the token masked)'
            cand set 'Set a setting: env, base_url, timeout, journal, low_balance, lookup_grace_secs, ca_file, receipt_width, backups_kept, counter, lang, digits, shop_name, shop_address, shop_phone, shop_pan'
            cand set-token 'Store the token (read from stdin, or a hidden prompt on a terminal)'
            cand path 'Print the config file''s path'
        }
        &'konnect;help;config;show'= {
        }
        &'konnect;help;config;set'= {
        }
        &'konnect;help;config;set-token'= {
        }
        &'konnect;help;config;path'= {
        }
        &'konnect;help;counter'= {
        }
        &'konnect;help;journal'= {
            cand copy 'Copy every row of this journal into another, keeping references; safe to run again'
            cand backup 'Write a checked copy of the SQLite journal while counters keep paying'
            cand restore 'Put a copy back as the journal (the journal as it was is kept first)'
        }
        &'konnect;help;journal;copy'= {
        }
        &'konnect;help;journal;backup'= {
        }
        &'konnect;help;journal;restore'= {
        }
        &'konnect;help;doctor'= {
        }
        &'konnect;help;version'= {
        }
        &'konnect;help;completions'= {
        }
        &'konnect;help;sandbox'= {
        }
        &'konnect;help;__references'= {
        }
        &'konnect;help;help'= {
        }
    ]
    $completions[$command]
}
