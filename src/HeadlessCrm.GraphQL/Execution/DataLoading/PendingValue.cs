using System.Runtime.ExceptionServices;

namespace HeadlessCrm.GraphQL.Execution.DataLoading;

/// <summary>The deferred value of one key: completed by its loader's dispatch with a value or the batch's failure.</summary>
public sealed class PendingValue<T> : Deferred<T>
{
    private T _result = default!;
    private ExceptionDispatchInfo? _failure;
    private bool _isCompleted;

    public override bool IsCompleted => _isCompleted;

    public override T Result
    {
        get
        {
            if (!_isCompleted)
            {
                throw new InvalidOperationException("The value is not loaded yet; its batch has not been dispatched.");
            }

            _failure?.Throw();
            return _result;
        }
    }

    internal void Complete(T value)
    {
        _result = value;
        _isCompleted = true;
    }

    internal void Fail(Exception exception)
    {
        _failure = ExceptionDispatchInfo.Capture(exception);
        _isCompleted = true;
    }
}
