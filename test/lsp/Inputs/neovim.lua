-- Neovim (0.7, Debian's) as a real LSP client of `async-lint --lsp`, headless,
-- started with docs/editors.md's configuration as its init.lua (which
-- attaches the server to C++ buffers): this script, run once the file is
-- open, waits for the diagnostics, applies
-- the quick fix of the unawaited task as a user would (the code action's
-- workspace edit, which Neovim sends back as a didChange), and waits for the
-- warning to go. It prints what it saw, one line per diagnostic, for
-- FileCheck; any timeout exits with status 1.
local bufnr = vim.api.nvim_get_current_buf()

local function wait_for(condition, what)
  if not vim.wait(60000, condition, 20) then
    io.stderr:write("timed out waiting for " .. what .. "\n")
    vim.cmd("cquit 1")
  end
end

local function show(title)
  local diagnostics = vim.diagnostic.get(bufnr)
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum end)
  io.stdout:write(title .. "\n")
  for _, d in ipairs(diagnostics) do
    io.stdout:write(string.format("%d:%d: %s [%s]\n", d.lnum + 1, d.col + 1,
                                  d.message, d.user_data.lsp.code))
  end
end

wait_for(function() return #vim.diagnostic.get(bufnr) == 4 end, "four diagnostics")
show("opened")

-- The code actions at the unawaited task, as `vim.lsp.buf.code_action()`
-- asks for them with the cursor there.
local unawaited
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if d.user_data.lsp.code == "async-unawaited-task" then unawaited = d end
end
local range = {
  start = { line = unawaited.lnum, character = unawaited.col },
  ["end"] = { line = unawaited.end_lnum, character = unawaited.end_col },
}
local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = range,
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, unawaited.lnum) },
}, 60000)
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    io.stdout:write("action: " .. action.title .. "\n")
    if action.isPreferred then
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
    end
  end
end
io.stdout:write("line 11: " .. vim.api.nvim_buf_get_lines(bufnr, 10, 11, true)[1] .. "\n")

wait_for(function() return #vim.diagnostic.get(bufnr) == 3 end, "the fixed warning to go")
show("fixed")
vim.cmd("qall!")
