using Microsoft.AspNetCore.Http.Features;

namespace HeadlessCrm.Api.Infrastructure.Http;

/// <summary>
/// Caps request bodies (<c>Crm:Api:MaxRequestBodyBytes</c>, 1 MiB by default) for every server, announced or chunked:
/// an oversize body is a 413 problem before any of it is parsed. An endpoint that streams large bodies (a CSV upload)
/// carries an <see cref="Override"/> with its own cap.
/// </summary>
public static class RequestBodyLimit
{
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>Endpoint metadata: this endpoint's bodies may be up to <paramref name="MaxBytes"/>.</summary>
    public sealed record Override(long MaxBytes);

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long defaultMaxBytes) => app.Use(async (context, next) =>
    {
        var maxBytes = context.GetEndpoint()?.Metadata.GetMetadata<Override>()?.MaxBytes ?? defaultMaxBytes;
        if (context.Request.ContentLength > maxBytes)
        {
            await Results.Problem(Problems.Create(StatusCodes.Status413PayloadTooLarge, "Payload too large",
                $"Request bodies are limited to {maxBytes} bytes.")).ExecuteAsync(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = maxBytes;
        else if (context.Request.ContentLength is null)
            context.Request.Body = new LimitedStream(context.Request.Body, maxBytes);
        await next(context);
    });

    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > maxBytes)
                throw new BadHttpRequestException($"Request bodies are limited to {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
