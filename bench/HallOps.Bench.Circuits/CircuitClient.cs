using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HallOps.Bench.Circuits;

/// <summary>How much of the page a circuit keeps.</summary>
public enum CircuitMode
{
    /// <summary>Applies every batch to a DOM model: elements can be found and clicked.</summary>
    Dom,

    /// <summary>Only scans each batch for event stamps (a passive screen; far less memory).</summary>
    ScanOnly,
}

/// <summary>One render batch's arrival: when it arrived (Unix µs) and the newest event stamp it carries (or 0).</summary>
public readonly record struct BatchArrival(long ArrivedUs, long StampUs);

/// <summary>
/// One Blazor Server circuit opened without a browser, speaking the protocol blazor.web.js speaks:
/// loads the page with the session's cookies, connects to /_blazor over WebSockets (no
/// negotiation), StartCircuit, UpdateRootComponents with the prerendered markers, acknowledges
/// every JS.RenderBatch in order, answers JS.BeginInvokeJS calls (<see cref="JsInteropAnswers"/>)
/// and JS.SavePersistedState, and clicks by dispatching the current handler id of an element of
/// its DOM model.
/// </summary>
public sealed class CircuitClient : IAsyncDisposable
{
    private static readonly IHubProtocol Protocol = new BlazorPackProtocol();
    private static readonly IServiceProvider HubServices = new NoServices();
    private static readonly Type[] RenderBatchArgs = [typeof(long), typeof(byte[])];
    private static readonly Type[] BeginInvokeJSArgs = [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)];
    private static readonly Type[] EndInvokeDotNetArgs = [typeof(string), typeof(bool), typeof(string)];
    private static readonly Type[] AttachComponentArgs = [typeof(int), typeof(string)];
    private static readonly Type[] SavePersistedStateArgs = [typeof(string), typeof(string), typeof(string)];
    private static readonly Type[] ErrorArgs = [typeof(string)];
    private static ReadOnlySpan<byte> StampAttribute => "data-event-us"u8;

    /// <summary>The MouseEventArgs of a plain left click, as the browser sends it.</summary>
    private static readonly object MouseClick = new
    {
        detail = 1, screenX = 0, screenY = 0, clientX = 0, clientY = 0, offsetX = 0, offsetY = 0, pageX = 0, pageY = 0,
        movementX = 0, movementY = 0, button = 0, buttons = 0, ctrlKey = false, shiftKey = false, altKey = false, metaKey = false,
        type = "click",
    };

    private readonly HallSession _session;
    private readonly Action<string> _log;
    private readonly HubConnection _hub;
    private readonly DomTree? _dom;
    private readonly List<(Func<DomTree, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly TaskCompletionSource _firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _calls = new();
    private long _rendererInterop;
    private long _nextCallId;
    private long _batches;
    private long _batchBytes;

    private CircuitClient(HallSession session, CircuitMode mode, Action<string> log)
    {
        _session = session;
        _log = log;
        _dom = mode == CircuitMode.Dom ? new DomTree() : null;
        var options = new HttpConnectionOptions
        {
            Url = new Uri(session.BaseUri, "_blazor"),
            Transports = HttpTransportType.WebSockets,
            SkipNegotiation = true,
            Cookies = session.Cookies,
        };
        if (session.OfferDeflate)
        {
            options.WebSocketConfiguration = socket => socket.DangerousDeflateOptions = new System.Net.WebSockets.WebSocketDeflateOptions();
        }
        var connections = new HttpConnectionFactory(Options.Create(options), NullLoggerFactory.Instance);
        _hub = new HubConnection(connections, Protocol, new UriEndPoint(options.Url), HubServices, NullLoggerFactory.Instance);
        _hub.On("JS.RenderBatch", RenderBatchArgs, args => OnRenderBatchAsync((long)args[0]!, (byte[])args[1]!));
        _hub.On("JS.BeginInvokeJS", BeginInvokeJSArgs, args => OnBeginInvokeJSAsync((long)args[0]!, (string)args[1]!, (string?)args[2], (JsResultType)(int)args[3]!));
        _hub.On("JS.EndInvokeDotNet", EndInvokeDotNetArgs, args => OnEndInvokeDotNet((string?)args[0], (bool)args[1]!, (string?)args[2]));
        _hub.On("JS.AttachComponent", AttachComponentArgs, args => OnAttachComponent((int)args[0]!));
        _hub.On("JS.SavePersistedState", SavePersistedStateArgs, (_, _) => Task.FromResult<object?>(true), this);
        _hub.On("JS.Error", ErrorArgs, args => OnError((string?)args[0]));
        _hub.Closed += error =>
        {
            Error ??= error is null ? "connection closed" : $"connection closed: {error.Message}";
            FailWaiters();
            return Task.CompletedTask;
        };
    }

    /// <summary>Called for every render batch, after it is applied and before it is acknowledged (on the receive loop: keep it short).</summary>
    public event Action<CircuitClient, BatchArrival>? BatchArrived;

    public string? CircuitSecret { get; private set; }

    /// <summary>Why the circuit is no longer usable (JS.Error, connection closed, a batch the model could not apply), or null.</summary>
    public string? Error { get; private set; }

    public bool IsLive => Error is null && _hub.State == HubConnectionState.Connected;

    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>The render batches' bytes so far (the batch itself, without the message around it).</summary>
    public long BatchBytes => Interlocked.Read(ref _batchBytes);

    /// <summary>
    /// Loads the page, connects and starts the circuit, and waits for its first render batch.
    /// </summary>
    public static async Task<CircuitClient> OpenAsync(
        HallSession session, string path, CircuitMode mode, Action<string> log, CancellationToken cancellationToken = default)
    {
        var page = await session.LoadPageAsync(path, cancellationToken);
        var client = new CircuitClient(session, mode, log);
        try
        {
            await client.StartAsync(page, cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a query on the DOM model (under its lock).</summary>
    public T Read<T>(Func<DomTree, T> query)
    {
        var dom = _dom ?? throw new InvalidOperationException("This circuit keeps no DOM model (scan-only).");
        lock (dom)
        {
            return query(dom);
        }
    }

    /// <summary>Waits until the DOM model satisfies the condition (checked now and after every batch).</summary>
    public async Task WaitUntilAsync(Func<DomTree, bool> condition, TimeSpan timeout, string what)
    {
        var dom = _dom ?? throw new InvalidOperationException("This circuit keeps no DOM model (scan-only).");
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (dom)
        {
            if (condition(dom))
            {
                return;
            }
            if (Error is { } error)
            {
                throw new InvalidOperationException($"Circuit failed before {what}: {error}");
            }
            _waiters.Add((condition, done));
        }
        try
        {
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (dom)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.");
        }
    }

    public Task WaitForAsync(Selector selector, TimeSpan timeout) =>
        WaitUntilAsync(dom => dom.Find(selector) is not null, timeout, selector.ToString());

    /// <summary>
    /// Clicks the first element matching the selector: dispatches a click with the element's current
    /// handler id through the renderer's DispatchEventAsync, as the browser's event delegator does,
    /// and waits until the server has run the handler. Throws <see cref="ClickRejectedException"/>
    /// when the server refused it (e.g. the handler id went stale in a render that crossed the click).
    /// </summary>
    public async Task ClickAsync(Selector selector)
    {
        var handler = Read(dom => dom.Find(selector) is { } element
            ? element.Handler("click")
            : throw new InvalidOperationException($"No element {selector} to click."));
        if (handler == 0)
        {
            throw new InvalidOperationException($"{selector} has no click handler.");
        }
        var eventJson = JsonSerializer.Serialize(new object[]
        {
            new { eventHandlerId = handler, eventName = "click", eventFieldInfo = (object?)null },
            MouseClick,
        });
        var callId = Interlocked.Increment(ref _nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[callId] = done;
        try
        {
            await _hub.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", Interlocked.Read(ref _rendererInterop), eventJson);
            if (await done.Task.WaitAsync(TimeSpan.FromSeconds(30)) is { } error)
            {
                throw new ClickRejectedException($"The server refused the click on {selector}: {error}");
            }
        }
        finally
        {
            _calls.TryRemove(callId, out _);
        }
    }

    /// <summary>Closes the connection and tells the server the circuit is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        Error ??= "disposed";
        await _hub.DisposeAsync();
        if (CircuitSecret is { } secret)
        {
            try
            {
                await _session.DisconnectCircuitAsync(secret);
            }
            catch (HttpRequestException)
            {
                // The server is gone already.
            }
        }
    }

    private async Task StartAsync(PrerenderedPage page, CancellationToken cancellationToken)
    {
        await _hub.StartAsync(cancellationToken);
        CircuitSecret = await _hub.InvokeAsync<string?>(
            "StartCircuit", _session.BaseUri.ToString(), page.Uri.ToString(), "[]", page.ApplicationState, cancellationToken);
        if (CircuitSecret is null)
        {
            throw new InvalidOperationException($"StartCircuit for {page.Uri} was refused: {Error}");
        }
        await _hub.SendAsync("UpdateRootComponents", page.AddOperationsJson(), page.ApplicationState, cancellationToken);
        await _firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        var arrived = UnixMicroseconds.Now();
        string? failure = null;
        var stamp = 0L;
        try
        {
            var batch = new RenderBatchReader(data);
            stamp = NewestStamp(batch);
            if (_dom is { } dom)
            {
                lock (dom)
                {
                    dom.Apply(batch);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidCastException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            failure = ex.Message;
            Error ??= $"render batch {batchId} could not be applied: {ex.Message}";
            _log(Error);
        }
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _batchBytes, data.Length);
        // Observers first, then the waiters: whoever waited for this batch finds it already observed.
        BatchArrived?.Invoke(this, new BatchArrival(arrived, stamp));
        if (failure is null && _dom is { } applied)
        {
            lock (applied)
            {
                ReleaseWaiters(applied);
            }
        }
        _firstBatch.TrySetResult();
        await _hub.SendAsync("OnRenderCompleted", batchId, failure);
    }

    private async Task OnBeginInvokeJSAsync(long handle, string identifier, string? argsJson, JsResultType resultType)
    {
        if (identifier == "Blazor._internal.attachWebRendererInterop" && argsJson is not null)
        {
            // [rendererId, {"__dotNetObject": id}, …]: the object DispatchEventAsync is invoked on.
            using var args = JsonDocument.Parse(argsJson);
            Interlocked.Exchange(ref _rendererInterop, args.RootElement[1].GetProperty("__dotNetObject").GetInt64());
        }
        if (handle == 0)
        {
            return;
        }
        var result = JsInteropAnswers.Answer(identifier, resultType, _log);
        await _hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
    }

    private Task OnEndInvokeDotNet(string? callId, bool succeeded, string? result)
    {
        if (callId is not null && _calls.TryGetValue(callId, out var call))
        {
            call.TrySetResult(succeeded ? null : result ?? "failed");
        }
        return Task.CompletedTask;
    }

    private Task OnAttachComponent(int componentId)
    {
        if (_dom is { } dom)
        {
            lock (dom)
            {
                dom.AttachRoot(componentId);
            }
        }
        return Task.CompletedTask;
    }

    private Task OnError(string? error)
    {
        Error ??= $"server error: {error}";
        _log(Error);
        FailWaiters();
        return Task.CompletedTask;
    }

    private void ReleaseWaiters(DomTree dom)
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Condition(dom))
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private void FailWaiters()
    {
        _firstBatch.TrySetException(new InvalidOperationException(Error));
        foreach (var call in _calls.Values)
        {
            call.TrySetException(new InvalidOperationException($"Circuit failed: {Error}"));
        }
        if (_dom is { } dom)
        {
            lock (dom)
            {
                foreach (var waiter in _waiters)
                {
                    waiter.Done.TrySetException(new InvalidOperationException($"Circuit failed: {Error}"));
                }
                _waiters.Clear();
            }
        }
    }

    /// <summary>The newest data-event-us value among the batch's attribute frames, or 0.</summary>
    private static long NewestStamp(RenderBatchReader batch)
    {
        var newest = 0L;
        for (var frame = 0; frame < batch.FrameCount; frame++)
        {
            if (batch.FrameTypeAt(frame) == FrameType.Attribute && batch.AttributeNameIs(frame, StampAttribute)
                && Utf8Parser.TryParse(batch.AttributeValueBytes(frame), out long stamp, out _) && stamp > newest)
            {
                newest = stamp;
            }
        }
        return newest;
    }
}

/// <summary>The server answered a dispatched event with an error.</summary>
public sealed class ClickRejectedException(string message) : Exception(message);

/// <summary>
/// The hub connections' service provider: they need none of its services (defaults apply), and
/// unlike a built provider it is not disposed with each connection, so all circuits share it.
/// </summary>
internal sealed class NoServices : IServiceProvider
{
    public object? GetService(Type serviceType) => null;
}

/// <summary>Wall-clock time in Unix microseconds, the unit of the pages' data-event-us stamps.</summary>
public static class UnixMicroseconds
{
    public static long Now() => (TimeProvider.System.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
