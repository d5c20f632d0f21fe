//! konnect: renew Konnect (KCMS) home-internet subscriptions through the Khalti service API.
//!
//! One run flows one way: `cli` parses, `commands` (one module each) put the rest together
//! through the run's `context`: `api` talks to the service, `decide` says what its answers
//! mean (pure), `journal` keeps the record, `render` and `prompt` face the cashier. The
//! layers and who may call whom are in ARCHITECTURE.md.

pub mod api;
pub mod build_info;
pub mod calendar;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod completion;
pub mod context;
pub mod decide;
pub mod endpoint;
pub mod failure;
pub mod i18n;
pub mod interrupt;
pub mod isp;
pub mod journal;
pub mod localized_help;
pub mod money;
pub mod private;
pub mod prompt;
pub mod reference;
pub mod render;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod secret;
pub mod settings;
pub mod text;
pub mod ui;
