//! `konnect status` and `konnect reconcile`: settling payments whose outcome was not final.
use crate::app::Ctx;
use crate::failure::Failure;
use std::process::ExitCode;
pub fn status(_ctx: &mut Ctx, _reference: &str) -> anyhow::Result<ExitCode> {
    Err(Failure::internal("status is not built yet").into())
}
pub fn reconcile(_ctx: &mut Ctx) -> anyhow::Result<ExitCode> {
    Err(Failure::internal("reconcile is not built yet").into())
}
