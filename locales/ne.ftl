# konnect's words for a cashier, in Nepali: a shop's plain words, not a word-for-word
# translation. Every key here is in en.ftl too, with the same placeholders (a test checks).
# Names of ISPs and packages stay as the service sends them.

## The customer's view
view-no-name = (नाम छैन)
view-mobile = मोबाइल
view-status = स्थिति
view-subscription = सदस्यता
view-ends = म्याद
view-due = ISP को बाँकी
view-due-note = यो बाँकी यहाँ लिने होइन; यो भुक्तानीले प्याकेज मात्र तिर्छ। ISP ले यो पैसा पुरानो बाँकीमा कटाउँछ कि कटाउँदैन, सेवाले भन्दैन।
view-still-active = { $relative }; तैपनि सेवामा अझै चालु देखाउँछ
date-bs = वि.सं. { $date }
view-packages = प्याकेजहरू
view-current = (हालको)
end-today = आज सकिन्छ
end-tomorrow = भोलि सकिन्छ
end-yesterday = हिजो सकियो
end-in = { $days } दिनपछि सकिन्छ
end-ago = { $days } दिन अघि सकियो

## Questions
prompt-isp = ISP
prompt-package = प्याकेज
prompt-username = ग्राहकको युजरनेम
prompt-next = अर्को ग्राहकको युजरनेम:
prompt-more = (अरू { $count }: सुरुका अक्षर टाइप गर्नुहोस्)
prompt-pay-again = तैपनि फेरि तिर्ने हो?
spin-looking-up = { $isp } मा { $user } खोज्दै…
spin-paying = { $amount } भुक्तानी हुँदैछ…
spin-took = { $elapsed } भयो, बढीमा { $limit } सेकेन्ड

## The confirmation
confirm-customer = ग्राहक
confirm-customer-status = स्थिति
confirm-due = ISP को बाँकी
confirm-due-above = यहाँ लिने होइन (माथि हेर्नुहोस्)
confirm-due-none = छैन
confirm-package = प्याकेज
confirm-collect = लिने रकम
confirm-service = सेवा
confirm-question = { $name } बाट { $amount } लिएर भुक्तानी गर्ने?
confirm-declined = भुक्तानी गरिएन; केही पठाइएन
repeat-declined = फेरि तिरिएन; केही पठाइएन
banner-real = असली पैसा
banner-not-real = असली पैसा होइन
banner-sandbox = TEST, स्यान्डबक्स

## What to do with the cash
cash-paid = ग्राहकको { $amount } राख्नुहोस् (लिनुभएको छैन भने अहिले लिनुहोस्); दोहोर्याएर नलिनुहोस्।
cash-failed = भुक्तानी भएन, पैसा गएको छैन: ग्राहकबाट लिइसक्नुभएको छ भने फिर्ता दिनुहोस्, लिनुभएको छैन भने नलिनुहोस्।
cash-not-sent = केही पठाइएन; फेरि प्रयास गर्दा हुन्छ।
cash-pending = भुक्तानी भएको हुन सक्छ। ग्राहकको { $amount } राख्नुहोस् (लिनुभएको छैन भने लिनुहोस्); ग्राहकलाई पैसा नफर्काउनुहोस्, फेरि नतिर्नुहोस्। { $time } पछि जाँच्नुहोस् (`konnect status { $reference }`)।
outcome-paid = भुक्तानी भयो।
outcome-not-paid = भुक्तानी भएन
outcome-pending = पेन्डिङ: भयो कि भएन, अझै थाहा छैन
outcome-pending-reason = { $reference }: { $reason }।

## Why, in a cashier's words
why-not-sent = सेवासम्म पुग्न सकिएन (इन्टरनेट जाँच्नुहोस्); केही पठाइएन
why-no-answer = सेवाले समयमै जवाफ दिएन
why-service-said = सेवाले भन्यो: { $sentence }
why-token-refused = सेवाले यो पसलको टोकन मानेन
why-service-trouble = सेवामा समस्या भयो, जवाफ दिन सकेन
why-cannot-take = सेवाले अनुरोध लिन सकेन
why-unreadable = सेवाको जवाफ पढ्न सकिएन
why-moved = सेवाको ठेगाना मिलेन (अर्कै ठाउँ देखाउँछ); base URL जाँच्न सपोर्टलाई भन्नुहोस्
why-contradicts = सेवाको जवाफ आफैँमा मिलेन
why-no-service = मिलाइएको ठेगानामा सेवा भेटिएन; base URL जाँच्न सपोर्टलाई भन्नुहोस्
why-pointed-elsewhere = सेवाले जवाफको सट्टा अर्कै ठाउँ देखायो
why-no-clear-answer = सेवामा समस्या भयो, स्पष्ट जवाफ आएन
why-lost = जवाफ हरायो (konnect मा त्रुटि)
why-stopped-waiting = तपाईंले जवाफ पर्खन छाड्नुभयो
why-refused-then-paid = सेवाले सुरुमा मानेन, तर भुक्तानी भयो
why-not-known-yet = { $sentence }; सेवालाई यो भुक्तानी अझै थाहा छैन
why-lookup-failed-too = { $sentence }; त्यसपछि जाँच्दा पनि भएन: { $why }
why-refused = सेवाले मानेन
why-safe-again = { $why }; फेरि प्रयास गर्दा हुन्छ
why-charges-nothing = { $why }; यसमा पैसा लाग्दैन, फेरि प्रयास गर्दा हुन्छ
why-check-token = { $why }; टोकन जाँच्नुहोस् (`konnect config show`)
why-check-token-url = { $why }; टोकन र base URL जाँच्नुहोस्
why-try-shortly = { $why }; पैसा काटिएको छैन, केही बेरमा फेरि प्रयास गर्नुहोस्
why-check-url = { $why }; base URL जाँच्नुहोस्
why-nothing-charged = { $why }; पैसा काटिएको छैन

## The receipt
receipt-paid = भुक्तानी रसिद
receipt-pending = भुक्तानी पेन्डिङ - फेरि नतिर्नुहोस्
receipt-failed = भुक्तानी भएन - पैसा लागेको छैन
receipt-copy = प्रतिलिपि
receipt-date = मिति
receipt-customer = ग्राहक
receipt-username = युजरनेम
receipt-isp = ISP
receipt-package = प्याकेज
receipt-amount = रकम
receipt-status = स्थिति
receipt-ref = रेफ नं.
receipt-txn = कारोबार नं.
receipt-counter = काउन्टर
receipt-service = सेवा
receipt-not-real = { $env } (असली पैसा होइन)
receipt-tel = फोन { $phone }
receipt-pan = PAN नं. { $pan }
state-success = सफल
state-pending = पेन्डिङ
state-failed = असफल

## The counter
counter-hint = खाली Enter वा Esc थिच्दा सिफ्ट सकिन्छ; ?REF ले भुक्तानी जाँच्छ, ? ले यो सिफ्टका पेन्डिङ भुक्तानी जाँच्छ।
counter-hint-tab = सच्याएर Enter थिच्नुहोस् (Tab ले सुझाएको नाम लिन्छ); मेटाएर Enter थिच्दा ISP फेरि छानिन्छ।
counter-hint-retry = सच्याएर Enter थिच्नुहोस्; मेटाएर Enter थिच्दा ISP फेरि छानिन्छ।
counter-hint-tab-fixed = सच्याएर Enter थिच्नुहोस् (Tab ले सुझाएको नाम लिन्छ); Esc थिच्दा सिफ्ट सकिन्छ।
counter-hint-retry-fixed = सच्याएर Enter थिच्नुहोस्; Esc थिच्दा सिफ्ट सकिन्छ।
counter-not-found = { $isp } मा { $user } नामको ग्राहक भेटिएन: युजरनेम जाँच्नुहोस्।
counter-isp-says = { $isp } भन्छ: { $why }
counter-paid-before = पहिले यहाँ तिरेका: { $names }
counter-nothing-pending = यो सिफ्टमा कुनै पेन्डिङ छैन; ?REF ले जुनसुकै भुक्तानी जाँच्छ।
counter-reconnected = रेकर्ड (जर्नल) { $journal } मा फेरि जोडियो
shift-over = सिफ्ट सकियो: { $paid } वटा भुक्तानी भयो, जम्मा { $collected } उठ्यो।
shift-failed = { $failed } वटा भुक्तानी भएन (पैसा लागेन)।
shift-turned-failed = पछि भुक्तानी नभएको पक्का भयो: { $references }; ती ग्राहकलाई पैसा फिर्ता दिनुहोस्।
shift-pending = { $count } वटा पेन्डिङ: { $references }। फेरि नतिर्नुहोस्; यिनको पैसा छुट्टै राख्नुहोस् (माथिको जम्मामा छैन), र { $time } पछि जाँच्नुहोस् (`konnect reconcile`)।

## History and the day's report
history-none = मिल्ने कुनै भुक्तानी छैन।
history-newest = पछिल्ला { $count } भुक्तानी मात्र; पुराना हेर्न --since DAY वा --limit N (--csv र --json ले सबै दिन्छन्)
col-date = मिति
col-outcome = नतिजा
col-customer = ग्राहक
col-isp = ISP
col-amount = रकम
col-ref = रेफ नं.
col-counter = काउन्टर
col-count = संख्या
col-count-short = सं.
word-success = सफल
word-pending = पेन्डिङ
word-failed = असफल
report-title = { $date } को हिसाब
report-title-counter = { $date } को हिसाब, काउन्टर { $counter }
report-none = यो दिन कुनै भुक्तानी भएन।
report-total = जम्मा
report-drawer = गल्लामा हुनुपर्ने नगद: { $amount } ({ $count } वटा भुक्तानी)
report-held = पेन्डिङ भुक्तानीका लागि छुट्टै राखेको: { $amount } ({ $count })
report-at = { $counter } मा: { $amount } ({ $count } वटा भुक्तानी)
report-open-at = { $counter } मा

## Warnings
warn-unsettled = { $count } वटा भुक्तानीको टुंगो लागेको छैन (पेन्डिङ वा बीचमा रोकिएका); `konnect reconcile` चलाउनुहोस्
warn-low-balance = { $what } { $balance } तोकिएको न्यूनतम (low_balance) { $low } भन्दा कम छ; खातामा ब्यालेन्स थप्नुहोस्
warn-balance-left = बाँकी ब्यालेन्स
warn-balance-known = पछिल्लो थाहा भएको ब्यालेन्स
warn-balance-short = पछिल्लो थाहा भएको ब्यालेन्स { $balance } प्याकेजको रकम { $amount } भन्दा कम छ

## Interrupts
interrupt-cancelled = रद्द गरियो; केही पठाइएन
interrupt-sending = भुक्तानी { $reference } पठाउँदै गर्दा रोकियो। भुक्तानी भइसकेको हुन सक्छ, जर्नलमा पेन्डिङ छ। फेरि नतिर्नुहोस्; { $time } पछि `konnect status { $reference }` चलाउनुहोस्।
interrupt-answered = भुक्तानी { $reference } को जवाफ आएपछि रोकियो: रेकर्ड (जर्नल) मा { $outcome } छ; `konnect receipt { $reference }` ले रसिद फेरि छाप्छ।

## A payment looked up
status-reference = रेफ नं.
status-state = अवस्था
status-outcome = नतिजा
status-amount = रकम
status-response = जवाफ नं.
status-details = विवरण
status-refund = फिर्ता
status-journal = जर्नल
status-unknown = सेवालाई थाहा छैन
status-unchanged = जस्ताको तस्तै
status-conclusive = { $note }; { $time } पछि जाँच्दा पक्का थाहा हुन्छ
reconcile-settled = { $settled } वटाको टुंगो लाग्यो, { $still } वटा अझै पेन्डिङ।

## --help of the cashier's commands
help-lookup = ग्राहक हेर्नुहोस्: सदस्यता, बाँकी रकम, उपलब्ध प्याकेजहरू
help-pay = प्याकेजको भुक्तानी: खोज्ने, छान्ने, पक्का गर्ने, एक पटक तिर्ने, रसिद छाप्ने
help-status = सेवामा भुक्तानी जाँच्ने र जर्नलमा टुंगो लगाउने
help-reconcile = टुंगो नलागेका सबै भुक्तानी जाँचेर टुंगो लगाउने
help-history = जर्नलका भुक्तानीहरू, नयाँ पहिले
help-report = एक दिनको ISP र नतिजा अनुसारको जम्मा हिसाब
help-receipt = भुक्तानीको रसिद फेरि छाप्ने
help-counter = काउन्टरमा ग्राहकहरूलाई एकपछि अर्को सेवा दिने (टर्मिनलमा)
help-isp = ISP को स्लग (नभए वा नमिले टर्मिनलमा सोधिन्छ)
help-user = ग्राहकको युजरनेम (नभए टर्मिनलमा सोधिन्छ)
help-package = तिर्ने प्याकेज (नभए सोधिन्छ, हालको प्याकेज छानिएको हुन्छ)
help-amount = ग्राहकले तिर्ने रकम; प्याकेजको रकमसँग मिल्नुपर्छ
help-yes = पक्का गर्ने प्रश्न नसोध्ने
help-allow-repeat = पछिल्लो २४ घण्टामा यही ग्राहकको भुक्तानी भए पनि तिर्ने
help-dry-run = भुक्तानी अघिसम्म सबै गर्ने, पठाइने अनुरोध देखाउने, केही नपठाउने
help-width = रसिदको एक लाइनका अक्षर: ३२, ४२ वा ४८
help-reference = भुक्तानीको सन्दर्भ (`pay` को हरेक नतिजामा देखिन्छ)
help-since = यो दिनदेखि: today, yesterday, YYYY-MM-DD वा YYYY-MM-DDbs (स्थानीय समय)
help-until = यो दिनसम्म (--since जस्तै)
help-limit = बढीमा यति पङ्क्ति
help-csv = stdout मा CSV
help-date = दिन: today, yesterday, YYYY-MM-DD वा YYYY-MM-DDbs [नभए: आज]
help-last = यो जर्नलको सबैभन्दा नयाँ भुक्तानी
help-counter-isp = हरेक ग्राहकलाई यही ISP मा सेवा दिने (नभए हरेक पटक सोधिन्छ, अघिल्लो छानिएको हुन्छ)
help-lang = मान्छेले पढ्ने भाषा: en वा ne (नेपाली); JSON र CSV कहिल्यै बदलिँदैनन्
help-json = stdout मा एउटा JSON (स्क्रिप्टका लागि)
help-quiet = नतिजा र त्रुटि मात्र देखाउने (ब्यानर र चेतावनी होइन)

## The repeat guard
repeat-paid = { $user } को{ $handle } { $amount } भुक्तानी { $when } मा{ $counter } भइसकेको छ ({ $outcome }, रेफ नं. { $reference })
repeat-being-paid = { $user } को{ $handle } { $amount } भुक्तानी { $when } देखि{ $counter } हुँदैछ, अझै टुंगो लागेको छैन: भुक्तानी हुन सक्छ। फेरि नतिर्नुहोस्; `konnect status { $reference }` ले जाँच्नुहोस्
repeat-as = ({ $user } नामबाट)
repeat-at-counter = काउन्टर { $counter } मा
reconcile-paid = भयो: पैसा राख्नुहोस्
reconcile-failed = पैसा लागेन: फिर्ता दिनुहोस्
reconcile-pending = पैसा राख्नुहोस्; फेरि नतिर्नुहोस्
reconcile-was = पहिले
reconcile-now = अहिले
reconcile-todo = के गर्ने

## doctor (its details are for a support person and stay English)
doctor-token = टोकन
doctor-config = सेटिङ
doctor-journal = रेकर्ड
doctor-backups = ब्याकअप
doctor-service = सेवा
doctor-balance = ब्यालेन्स
doctor-proxy = प्रोक्सी
doctor-dns = DNS
doctor-tcp = TCP
doctor-tls = TLS
doctor-clock = घडी
doctor-fix = उपाय:
doctor-ok = konnect लाई चाहिने सबै ठीक छ।
doctor-ok-but = konnect लाई चाहिने सबै ठीक छ; माथिको चेतावनी (!) हेर्नुहोस्।

## Marks
word-error = त्रुटि:
word-warning = चेतावनी:
word-yes = हो
word-no = होइन

## A typed username
username-empty = युजरनेम खाली छ
username-invalid = '{ $text }' युजरनेम होइन: बीचमा खाली ठाउँ वा नियन्त्रण अक्षर हुँदैन, बढीमा १०० अक्षर
