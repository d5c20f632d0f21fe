# konnect's words for a cashier, in English. Every key here is in ne.ftl too, with the same
# placeholders (a test checks). Messages inside JSON documents never come from here.

## The customer's view
view-no-name = (no name)
view-mobile = Mobile
view-status = Status
view-subscription = Subscription
view-ends = Ends
view-due = ISP says due
view-due-note = not part of this payment, which pays the package only; the service does not say if the ISP counts it toward the due
view-still-active = { $relative }; the service still says Active
date-bs = { $date } BS
view-packages = Packages
view-current = (current)
end-today = ends today
end-tomorrow = ends tomorrow
end-yesterday = expired yesterday
end-in = ends in { $days } days
end-ago = expired { $days } days ago

## Questions
prompt-isp = ISP
prompt-package = Package
prompt-username = Customer username
prompt-next = Next customer's username:
prompt-more = (and { $count } more: type the start)
prompt-pay-again = Pay again anyway?
spin-looking-up = Looking up { $user } at { $isp }…
spin-paying = Paying { $amount }…
spin-took = { $elapsed } of at most { $limit } s

## The confirmation
confirm-customer = Customer
confirm-customer-status = Customer status
confirm-due = ISP says due
confirm-due-above = not collected here (above)
confirm-due-none = none
confirm-package = Package
confirm-collect = Collect
confirm-service = Service
confirm-question = Collect { $amount } from { $name } and pay?
confirm-declined = payment declined; nothing was sent
repeat-declined = not paid again; nothing was sent
banner-real = real money
banner-not-real = not real money
banner-sandbox = TEST, sandbox

## What to do with the cash
cash-paid = Keep the customer's { $amount } (take it now if you have not); do not take it twice.
cash-failed = Nothing was charged: give the customer's money back, or do not take it.
cash-not-sent = Nothing was sent; safe to try again.
cash-pending = Keep the customer's { $amount } (take it if you have not): it may have been paid, so do NOT pay again. Look it up after { $time } (`konnect status { $reference }`).
outcome-paid = Paid.
outcome-not-paid = NOT PAID
outcome-pending = PENDING
outcome-pending-reason = { $reference }: { $reason }.

## Why, in a cashier's words
why-not-sent = could not reach the service (check the internet connection); nothing was sent
why-no-answer = the service did not answer in time
why-service-said = the service said: { $sentence }
why-token-refused = the service refused this shop's token
why-service-trouble = the service had a problem and could not answer
why-cannot-take = the service could not take the request
why-unreadable = the service's answer could not be read
why-moved = the service's address is not the one set up (it points elsewhere); ask support to check the base URL
why-contradicts = the service's answer contradicts itself
why-no-service = the service is not at the address set up; ask support to check the base URL
why-pointed-elsewhere = the service pointed elsewhere instead of answering
why-no-clear-answer = the service had a problem and gave no clear answer
why-lost = the answer was lost (an error in konnect)
why-stopped-waiting = you stopped waiting for its answer
why-refused-then-paid = the service refused at first, but the payment went through
why-not-known-yet = { $sentence }; the service does not know the payment yet
why-lookup-failed-too = { $sentence }; the look-up that followed failed too: { $why }
why-refused = the service refused
why-safe-again = { $why }; safe to try again
why-charges-nothing = { $why }; this call charges nothing, safe to try again
why-check-token = { $why }; check the token (`konnect config show`)
why-check-token-url = { $why }; check the token and the base URL
why-try-shortly = { $why }; nothing was charged, try again shortly
why-check-url = { $why }; check the base URL
why-nothing-charged = { $why }; nothing was charged

## The receipt
receipt-paid = PAYMENT RECEIPT
receipt-pending = PAYMENT PENDING - DO NOT PAY AGAIN
receipt-failed = PAYMENT FAILED - NOT CHARGED
receipt-copy = COPY
receipt-date = Date
receipt-customer = Customer
receipt-username = Username
receipt-isp = ISP
receipt-package = Package
receipt-amount = Amount
receipt-status = Status
receipt-ref = Ref
receipt-txn = Txn id
receipt-counter = Counter
receipt-service = Service
receipt-not-real = { $env } (not real money)
receipt-tel = Tel { $phone }
receipt-pan = PAN { $pan }
state-success = SUCCESS
state-pending = PENDING
state-failed = FAILED

## The counter
counter-hint = Enter alone or Esc ends the shift; ?REF looks a payment up, ? this shift's pending ones.
counter-hint-tab = Correct it (Tab takes the one suggested) and press Enter; clear it to choose the ISP again.
counter-hint-retry = Correct it and press Enter; clear it to choose the ISP again.
counter-hint-tab-fixed = Correct it (Tab takes the one suggested) and press Enter; Esc ends the shift.
counter-hint-retry-fixed = Correct it and press Enter; Esc ends the shift.
counter-not-found = No customer { $user } at { $isp }: check the username.
counter-isp-says = { $isp } says: { $why }
counter-paid-before = Paid here before: { $names }
counter-nothing-pending = Nothing of this shift is pending; ?REF looks up any payment.
counter-reconnected = reconnected to the journal { $journal }
shift-over = Shift over: { $paid } paid, { $collected } collected.
shift-failed = { $failed } failed (nothing charged).
shift-turned-failed = Not paid after all: { $references }; give those customers their money back.
shift-pending = { $count } PENDING: { $references }. Do NOT pay them again; keep their money (it is not in the total above) and look them up after { $time } (`konnect reconcile`).

## History and the day's report
history-none = No payments match.
history-newest = the newest { $count } payments; older ones with --since DAY or --limit N (--csv and --json give all)
col-date = Date
col-outcome = Outcome
col-customer = Customer
col-isp = ISP
col-amount = Amount
col-ref = Ref
col-counter = Counter
col-count = Count
col-count-short = No.
word-success = success
word-pending = pending
word-failed = failed
report-title = Report for { $date }
report-title-counter = Report for { $date }, counter { $counter }
report-none = No payments on this day.
report-total = Total
report-drawer = Cash that should be in the drawer: { $amount } ({ $count } paid)
report-held = Held besides, for pending payments: { $amount } ({ $count })
report-at = at { $counter }: { $amount } ({ $count } paid)
report-open-at = at { $counter }

## Warnings
warn-unsettled = { $count } payment(s) are not settled (pending or interrupted); run `konnect reconcile`
warn-low-balance = { $what } { $balance } is below low_balance { $low }; top up the account
warn-balance-left = the balance left
warn-balance-known = the last known balance
warn-balance-short = the last known balance { $balance } is below the package's amount { $amount }

## Interrupts
interrupt-cancelled = cancelled; nothing was sent
interrupt-sending = interrupted while payment { $reference } was being sent. It may have gone through and stays PENDING in the journal. Do NOT pay again; run `konnect status { $reference }` after { $time }.
interrupt-answered = interrupted after payment { $reference } was answered: it is { $outcome } in the journal; reprint it with `konnect receipt { $reference }`.

## A payment looked up
status-reference = Reference
status-state = State
status-outcome = Outcome
status-amount = Amount
status-response = Response
status-details = Details
status-refund = Refund
status-journal = Journal
status-unknown = unknown to the service
status-unchanged = unchanged
status-conclusive = { $note }; a look-up is conclusive from { $time }
reconcile-settled = { $settled } settled, { $still } still pending.

## --help of the cashier's commands (English comes from the code; these are for parity)
help-lookup = Show a customer: subscription, due amount, packages on offer
help-pay = Pay for a package: look up, choose, confirm, pay once, print the receipt
help-status = Look a payment up at the service and settle it in the journal
help-reconcile = Look up every unsettled payment and settle it
help-history = List payments from the journal, newest first
help-report = A day's totals per ISP and outcome
help-receipt = Print a payment's receipt again
help-counter = Serve customers one after another at a counter (a terminal): one process, warm connection
help-isp = The ISP's slug (prompted for on a terminal when missing or unknown)
help-user = The customer's username (prompted for on a terminal when missing)
help-package = The package to pay for (prompted for, current one preselected, when missing)
help-amount = The amount the customer pays; must equal the package's amount
help-yes = Skip the confirmation
help-allow-repeat = Pay even though the same customer was paid for in the last 24 hours
help-dry-run = Do everything up to the payment, print the request that would be sent, send nothing
help-width = Receipt characters per line: 32, 42 or 48
help-reference = The payment's reference (shown on every outcome of `pay`)
help-since = From this day: today, yesterday, YYYY-MM-DD or YYYY-MM-DDbs (local time)
help-until = Up to and including this day (same forms as --since)
help-limit = At most this many rows
help-csv = CSV on stdout
help-date = The day: today, yesterday, YYYY-MM-DD or YYYY-MM-DDbs [default: today]
help-last = The newest payment of this journal
help-counter-isp = Serve every customer at this ISP (else asked for each, the last one preselected)
help-lang = The language of what a person reads: en or ne (Nepali); JSON and CSV never change
help-json = One JSON document on stdout (for scripts)
help-quiet = Print only results and errors (no banner, no warnings)

## The repeat guard
repeat-paid = { $user } was already paid{ $handle } { $amount } at { $when }{ $counter } ({ $outcome }, reference { $reference })
repeat-being-paid = { $user } is being paid{ $handle } { $amount } since { $when }{ $counter } and it is not settled yet: it may go through. Do NOT pay again; look it up with `konnect status { $reference }`
repeat-as = as { $user }
repeat-at-counter = at counter { $counter }
reconcile-paid = paid: keep the money
reconcile-failed = not charged: give it back
reconcile-pending = keep the money; do NOT pay again
reconcile-was = Was
reconcile-now = Now
reconcile-todo = What to do

## doctor (its details are for a support person and stay English)
doctor-token = token
doctor-config = config
doctor-journal = journal
doctor-backups = backups
doctor-service = service
doctor-balance = balance
doctor-proxy = proxy
doctor-dns = DNS
doctor-tcp = TCP
doctor-tls = TLS
doctor-clock = clock
doctor-fix = fix:
doctor-ok = Everything konnect needs is in place.
doctor-ok-but = Everything konnect needs is in place; see to the warning (!) above.

## Marks
word-error = error:
word-warning = warning:
word-yes = yes
word-no = no

## A typed username
username-empty = the username is empty
username-invalid = '{ $text }' is not a username: no spaces or control characters, at most 100 characters
