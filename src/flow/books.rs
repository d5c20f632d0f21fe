//! The counter's books.
use crate::app::Ctx;
use crate::cli::{HistoryArgs, ReceiptArgs, ReportArgs};
use crate::failure::Failure;
use std::process::ExitCode;
pub fn balance(_ctx: &mut Ctx) -> anyhow::Result<ExitCode> {
    Err(Failure::internal("not built yet").into())
}
pub fn history(_ctx: &mut Ctx, _a: HistoryArgs) -> anyhow::Result<ExitCode> {
    Err(Failure::internal("not built yet").into())
}
pub fn report(_ctx: &mut Ctx, _a: ReportArgs) -> anyhow::Result<ExitCode> {
    Err(Failure::internal("not built yet").into())
}
pub fn receipt(_ctx: &mut Ctx, _a: ReceiptArgs) -> anyhow::Result<ExitCode> {
    Err(Failure::internal("not built yet").into())
}
