//! konnect: renew Konnect (KCMS) home-internet subscriptions through the Khalti service API.
//!
//! Data flows one way: `cli` -> `app` (settings, context) -> `flow` (the use cases) -> `render`;
//! the flows use `api` (the service), `journal` (the local record) and `prompt` (the cashier).

pub mod api;
pub mod calendar;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod context;
pub mod decide;
pub mod endpoint;
pub mod failure;
pub mod interrupt;
pub mod isp;
pub mod journal;
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
