
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'konnect' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'konnect'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'konnect' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('lookup', 'lookup', [CompletionResultType]::ParameterValue, 'Show a customer: subscription, due amount, packages on offer')
            [CompletionResult]::new('pay', 'pay', [CompletionResultType]::ParameterValue, 'Pay for a package: look up, choose, confirm, pay once, print the receipt')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Look a payment up at the service and settle it in the journal')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Look up every unsettled payment and settle it')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Show the account''s credits')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List payments from the journal, newest first')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'A day''s totals per ISP and outcome')
            [CompletionResult]::new('receipt', 'receipt', [CompletionResultType]::ParameterValue, 'Print a payment''s receipt again')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change settings')
            [CompletionResult]::new('counter', 'counter', [CompletionResultType]::ParameterValue, 'Serve customers one after another at a counter (a terminal): one process, warm connection')
            [CompletionResult]::new('journal', 'journal', [CompletionResultType]::ParameterValue, 'Work on the journal itself: copy it into another (a shop moving to PostgreSQL)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the setup: token, config, journal, the way to the service, the balance, the clock')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show the version, commit, build date, target, features and journal schema')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Serve the built-in simulator; prints its base URL and a test token')
            [CompletionResult]::new('__references', '__references', [CompletionResultType]::ParameterValue, 'The short references of recent payments, one a line, for shell completion')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'konnect;lookup' {
            [CompletionResult]::new('--isp', '--isp', [CompletionResultType]::ParameterName, 'The ISP''s slug (prompted for on a terminal when missing or unknown)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The customer''s username (prompted for on a terminal when missing)')
            [CompletionResult]::new('--users-from', '--users-from', [CompletionResultType]::ParameterName, 'Look up many: one username per line, or `isp,user` lines without --isp ("-" for stdin)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Parallel lookups for --users-from (1 to 16)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;pay' {
            [CompletionResult]::new('--isp', '--isp', [CompletionResultType]::ParameterName, 'The ISP''s slug (prompted for on a terminal when missing or unknown)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The customer''s username (prompted for on a terminal when missing)')
            [CompletionResult]::new('--package', '--package', [CompletionResultType]::ParameterName, 'The package to pay for (prompted for, current one preselected, when missing)')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'The amount the customer pays; must equal the package''s amount')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Receipt characters per line: 32, 42 or 48 [default: config receipt_width, else 42]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Skip the confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Skip the confirmation')
            [CompletionResult]::new('--allow-repeat', '--allow-repeat', [CompletionResultType]::ParameterName, 'Pay even though the same customer was paid for in the last 24 hours')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Do everything up to the payment, print the request that would be sent, send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;status' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;reconcile' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;balance' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;history' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day: today, yesterday, YYYY-MM-DD or YYYY-MM-DDbs (local time)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to and including this day (same forms as --since)')
            [CompletionResult]::new('--isp', '--isp', [CompletionResultType]::ParameterName, 'isp')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'user')
            [CompletionResult]::new('--outcome', '--outcome', [CompletionResultType]::ParameterName, 'outcome')
            [CompletionResult]::new('--at-counter', '--at-counter', [CompletionResultType]::ParameterName, 'Only the payments made at this counter (a shared journal)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many rows')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'CSV on stdout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;report' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day: today, yesterday, YYYY-MM-DD or YYYY-MM-DDbs [default: today]')
            [CompletionResult]::new('--at-counter', '--at-counter', [CompletionResultType]::ParameterName, 'Only the payments made at this counter (a shared journal)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'CSV on stdout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;receipt' {
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Characters per line, for thermal printers [default: config receipt_width, else 42]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The newest payment of this journal')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;config' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show each setting and where it came from (the token masked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a setting: env, base_url, timeout, journal, low_balance, lookup_grace_secs, ca_file, receipt_width, backups_kept, counter, lang, digits, shop_name, shop_address, shop_phone, shop_pan')
            [CompletionResult]::new('set-token', 'set-token', [CompletionResultType]::ParameterValue, 'Store the token (read from stdin, or a hidden prompt on a terminal)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'konnect;config;show' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;config;set' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;config;set-token' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;config;path' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show each setting and where it came from (the token masked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a setting: env, base_url, timeout, journal, low_balance, lookup_grace_secs, ca_file, receipt_width, backups_kept, counter, lang, digits, shop_name, shop_address, shop_phone, shop_pan')
            [CompletionResult]::new('set-token', 'set-token', [CompletionResultType]::ParameterValue, 'Store the token (read from stdin, or a hidden prompt on a terminal)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'konnect;config;help;show' {
            break
        }
        'konnect;config;help;set' {
            break
        }
        'konnect;config;help;set-token' {
            break
        }
        'konnect;config;help;path' {
            break
        }
        'konnect;config;help;help' {
            break
        }
        'konnect;counter' {
            [CompletionResult]::new('--isp', '--isp', [CompletionResultType]::ParameterName, 'Serve every customer at this ISP (else asked for each, the last one preselected)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;journal' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every row of this journal into another, keeping references; safe to run again')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a checked copy of the SQLite journal while counters keep paying')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put a copy back as the journal (the journal as it was is kept first)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'konnect;journal;copy' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The journal to copy into: postgres://USER@HOST[:PORT]/DB (the password from PGPASSWORD, ~/.pgpass or the config file) or a SQLite file')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;journal;backup' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;journal;restore' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Restore even though the journal holds payments the copy lacks')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;journal;help' {
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every row of this journal into another, keeping references; safe to run again')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a checked copy of the SQLite journal while counters keep paying')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put a copy back as the journal (the journal as it was is kept first)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'konnect;journal;help;copy' {
            break
        }
        'konnect;journal;help;backup' {
            break
        }
        'konnect;journal;help;restore' {
            break
        }
        'konnect;journal;help;help' {
            break
        }
        'konnect;doctor' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;version' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;completions' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;sandbox' {
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'Address to listen on (loopback only)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Keep the simulator''s state in this file (default: in memory)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Serve HTTPS with a certificate made at start; prints the CA file to trust')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;__references' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Which service: the staging server (test) or the live one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the service, overriding --env')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from this file (there is no flag that takes the token itself)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds a whole request may take [default: 30]')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop''s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect''s data folder]')
            [CompletionResult]::new('--counter', '--counter', [CompletionResultType]::ParameterName, 'This counter''s name in a shared journal [default: the computer''s name]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print exactly one JSON document on stdout (NDJSON for batches)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: missing values and confirmations become usage errors')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in simulator (test token, journal of its own)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange on stderr (method, path, status, time; never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors (no banner, no warnings)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'konnect;help' {
            [CompletionResult]::new('lookup', 'lookup', [CompletionResultType]::ParameterValue, 'Show a customer: subscription, due amount, packages on offer')
            [CompletionResult]::new('pay', 'pay', [CompletionResultType]::ParameterValue, 'Pay for a package: look up, choose, confirm, pay once, print the receipt')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Look a payment up at the service and settle it in the journal')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Look up every unsettled payment and settle it')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Show the account''s credits')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List payments from the journal, newest first')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'A day''s totals per ISP and outcome')
            [CompletionResult]::new('receipt', 'receipt', [CompletionResultType]::ParameterValue, 'Print a payment''s receipt again')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change settings')
            [CompletionResult]::new('counter', 'counter', [CompletionResultType]::ParameterValue, 'Serve customers one after another at a counter (a terminal): one process, warm connection')
            [CompletionResult]::new('journal', 'journal', [CompletionResultType]::ParameterValue, 'Work on the journal itself: copy it into another (a shop moving to PostgreSQL)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the setup: token, config, journal, the way to the service, the balance, the clock')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show the version, commit, build date, target, features and journal schema')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Serve the built-in simulator; prints its base URL and a test token')
            [CompletionResult]::new('__references', '__references', [CompletionResultType]::ParameterValue, 'The short references of recent payments, one a line, for shell completion')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'konnect;help;lookup' {
            break
        }
        'konnect;help;pay' {
            break
        }
        'konnect;help;status' {
            break
        }
        'konnect;help;reconcile' {
            break
        }
        'konnect;help;balance' {
            break
        }
        'konnect;help;history' {
            break
        }
        'konnect;help;report' {
            break
        }
        'konnect;help;receipt' {
            break
        }
        'konnect;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show each setting and where it came from (the token masked)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a setting: env, base_url, timeout, journal, low_balance, lookup_grace_secs, ca_file, receipt_width, backups_kept, counter, lang, digits, shop_name, shop_address, shop_phone, shop_pan')
            [CompletionResult]::new('set-token', 'set-token', [CompletionResultType]::ParameterValue, 'Store the token (read from stdin, or a hidden prompt on a terminal)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            break
        }
        'konnect;help;config;show' {
            break
        }
        'konnect;help;config;set' {
            break
        }
        'konnect;help;config;set-token' {
            break
        }
        'konnect;help;config;path' {
            break
        }
        'konnect;help;counter' {
            break
        }
        'konnect;help;journal' {
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every row of this journal into another, keeping references; safe to run again')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a checked copy of the SQLite journal while counters keep paying')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put a copy back as the journal (the journal as it was is kept first)')
            break
        }
        'konnect;help;journal;copy' {
            break
        }
        'konnect;help;journal;backup' {
            break
        }
        'konnect;help;journal;restore' {
            break
        }
        'konnect;help;doctor' {
            break
        }
        'konnect;help;version' {
            break
        }
        'konnect;help;completions' {
            break
        }
        'konnect;help;sandbox' {
            break
        }
        'konnect;help;__references' {
            break
        }
        'konnect;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
