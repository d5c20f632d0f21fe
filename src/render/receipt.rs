//! The customer's receipt, for a terminal or a thermal printer 32, 42 or 48 characters wide.

use super::dates_shown;

/// How a receipt is printed: its width, the shop it is from, the short reference, and
/// whether it is a copy (a reprint).
#[derive(Debug, Clone)]
pub struct ReceiptLook<'a> {
    pub width: usize,
    pub shop: &'a crate::settings::Shop,
    pub short_reference: &'a str,
    pub copy: bool,
}

/// Lines centred in `width` (wrapped when longer).
fn centred(out: &mut String, text: &str, width: usize) {
    for line in crate::text::wrap(text, width) {
        let pad = width.saturating_sub(console::measure_text_width(&line)) / 2;
        out.push_str(&format!("{}{line}\n", " ".repeat(pad)));
    }
}

/// The customer's receipt: what was bought, in the customer's terms. Never the account's
/// credits (the shop's float stays in `balance`, `history` and JSON).
pub fn receipt(p: &crate::journal::Payment, look: &ReceiptLook<'_>) -> String {
    use crate::t;
    let width = look.width;
    let mut out = String::new();
    let rule = |c: char| format!("{}\n", c.to_string().repeat(width));
    out.push_str(&rule('='));
    let shop = look.shop;
    if shop.name.is_some() || shop.address.is_some() || shop.phone.is_some() || shop.pan.is_some() {
        for part in [&shop.name, &shop.address].into_iter().flatten() {
            centred(&mut out, part, width);
        }
        let contact: Vec<String> = [
            shop.phone.as_ref().map(|t| t!("receipt-tel", phone = t)),
            shop.pan.as_ref().map(|t| t!("receipt-pan", pan = t)),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !contact.is_empty() {
            centred(&mut out, &contact.join("  "), width);
        }
        out.push_str(&rule('-'));
    }
    let (title, state) = match p.outcome() {
        crate::api::Outcome::Success => (t!("receipt-paid"), t!("state-success")),
        crate::api::Outcome::Pending => (t!("receipt-pending"), t!("state-pending")),
        crate::api::Outcome::Failed => (t!("receipt-failed"), t!("state-failed")),
    };
    centred(&mut out, &title, width);
    if look.copy {
        centred(&mut out, &t!("receipt-copy"), width);
    }
    out.push_str(&rule('-'));
    let isp_name = crate::isp::resolve(&p.isp)
        .map(|i| i.name.to_string())
        .unwrap_or_else(|_| p.isp.clone());
    // In Nepali the Bikram Sambat date comes first, the AD date and time under it.
    let (first, second) = dates_shown(
        &crate::clock::local_time(p.created_ms),
        crate::clock::local_date(p.created_ms),
    );
    let dates: Vec<String> = std::iter::once(first).chain(second).collect();
    let date_label = t!("receipt-date");
    let labels = [
        t!("receipt-customer"),
        t!("receipt-username"),
        t!("receipt-isp"),
        t!("receipt-package"),
        t!("receipt-amount"),
        t!("receipt-status"),
        t!("receipt-ref"),
        t!("receipt-txn"),
        t!("receipt-counter"),
        t!("receipt-service"),
    ];
    let mut rows: Vec<(&str, String)> = dates
        .into_iter()
        .enumerate()
        .map(|(i, d)| (if i == 0 { date_label.as_str() } else { "" }, d))
        .collect();
    rows.extend([
        (
            labels[0].as_str(),
            p.customer_name.clone().unwrap_or_else(|| "-".into()),
        ),
        (&labels[1], p.username.clone()),
        (&labels[2], isp_name),
        (
            &labels[3],
            p.package_name.clone().unwrap_or_else(|| p.package_id.clone()),
        ),
        (&labels[4], crate::i18n::money(p.amount)),
        (&labels[5], state),
        (&labels[6], look.short_reference.to_string()),
    ]);
    if let Some(id) = &p.transaction_id {
        rows.push((&labels[7], id.clone()));
    }
    if let Some(counter) = &p.counter {
        rows.push((&labels[8], counter.clone()));
    }
    if p.env != "LIVE" {
        rows.push((&labels[9], t!("receipt-not-real", env = p.env)));
    }
    let label = super::label_column(rows.iter().map(|(l, _)| *l), 0, 10);
    for (name, value) in rows {
        let pad = " ".repeat(label.saturating_sub(console::measure_text_width(name)));
        for (i, line) in crate::text::wrap(&value, width.saturating_sub(label))
            .into_iter()
            .enumerate()
        {
            if i == 0 {
                out.push_str(&format!("{name}{pad}{line}\n"));
            } else {
                out.push_str(&format!("{}{line}\n", " ".repeat(label)));
            }
        }
    }
    out.push_str(&rule('='));
    out
}
