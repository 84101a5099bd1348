namespace Storefront.Orders;

/// <summary>Shipping quotes. Half finished on purpose: it shows AgentGuard's built-in checks.</summary>
public sealed class Shipping
{
    private const string CarrierApi = "https://api.example.com/v2/quotes";

    public Uri QuoteEndpoint => new(CarrierApi);

    public decimal Quote(Order order) => throw new NotImplementedException();

#pragma warning disable CA1822
    public bool IsDomestic(string country) => string.Equals(country, "NL", StringComparison.Ordinal);
#pragma warning restore CA1822

#pragma warning disable AG0001 // the clock here is only for logging
    public DateTime Stamp() => DateTime.Now;
#pragma warning restore AG0001
}
