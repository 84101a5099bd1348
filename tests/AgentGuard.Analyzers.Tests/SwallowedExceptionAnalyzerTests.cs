using System.Threading.Tasks;
using AgentGuard.Analyzers.Builtins;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;

namespace AgentGuard.Analyzers.Tests;

/// <summary>AG1008: catches that turn a failure into silent success, and the handling that is not that.</summary>
public class SwallowedExceptionAnalyzerTests
{
    [Fact]
    public Task Empty_catches_and_catch_alls_that_handle_nothing_are_reported() =>
        GuardAnalyzerTest<SwallowedExceptionAnalyzer>.VerifyAsync("""
            using System;
            using System.IO;
            class Sync
            {
                int _state;
                void A() { try { File.Delete("x"); } {|AG1008:catch (IOException)|} { } }
                void B() { try { Run(); } {|AG1008:catch|} { } }
                void C() { try { Run(); } {|AG1008:catch (Exception)|} { Cleanup(); Run(); } }
                bool D() { try { Run(); return true; } {|AG1008:catch (Exception)|} { return true; } }
                void E() { try { Run(); } {|AG1008:catch|} { Cleanup(); } }
                void Run() { }
                void Cleanup() { }
            }
            """);

    [Fact]
    public Task Handled_documented_filtered_and_cancellation_catches_are_not_reported() =>
        GuardAnalyzerTest<SwallowedExceptionAnalyzer>.VerifyAsync("""
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            interface ILogger { void LogError(Exception e, string message); void LogWarning(string message); }
            class Sync
            {
                ILogger _logger = null!;
                int _value;
                void A() { try { File.Delete("x"); } catch (IOException) { /* best effort: the file may be in use */ } }
                void B() { try { Run(); } catch (IOException) {
                    // the temp folder is cleaned at startup anyway
                } }
                void C() { try { Run(); } catch (Exception) { throw; } }
                void D() { try { Run(); } catch (Exception e) { throw new InvalidOperationException("run failed", e); } }
                void E() { try { Run(); } catch (Exception e) { _logger.LogError(e, "run failed"); } }
                void F() { try { Run(); } catch (Exception) { _logger.LogWarning("run failed"); } }
                void G() { try { Run(); } catch (Exception) { Trace.TraceError("run failed"); } }
                void H() { try { Run(); } catch (Exception) { Console.Error.WriteLine("run failed"); } }
                bool I() { try { Run(); return true; } catch (Exception) { return false; } }
                string? J() { try { Run(); return ""; } catch (Exception) { return null; } }
                void K(CancellationToken token) { try { Run(); } catch (OperationCanceledException) when (token.IsCancellationRequested) { } }
                async Task L() { try { await Task.Delay(1); } catch (TaskCanceledException) { } }
                void M() { try { Run(); } catch (Exception e) when (e is TimeoutException) { } }
                void N() { try { Run(); } catch (FormatException) { _value = 0; } }
                void O() { try { Run(); } catch (Exception e) { _last = e; } }
                void P() { try { Run(); } catch (Exception) { Environment.FailFast("corrupt state"); } }
                bool Q() { var ok = true; try { Run(); } catch { ok = false; } return ok; }
                void R() { try { File.Delete("x"); } catch (IOException) { } // the file may be in use
                }
                void S()
                {
                    // best effort: the folder is cleaned at startup
                    try { File.Delete("x"); } catch (IOException) { }
                }
                public void Dispose() { try { Run(); } catch { } }
                ~Sync() { try { Run(); } catch { } }
                Exception? _last;
                void Run() { }
            }
            """);

    [Fact]
    public Task Generated_code_is_not_analyzed() =>
        new GuardAnalyzerTest<SwallowedExceptionAnalyzer>
        {
            Sources = { ("/src/Client.g.cs", "class Client { void Call() { try { } catch { } } }") },
        }.RunAsync();
}
