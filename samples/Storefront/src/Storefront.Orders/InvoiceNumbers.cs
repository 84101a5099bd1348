namespace Storefront.Orders;

internal sealed class InvoiceNumbers
{
    private readonly Random _random = new Random();

    public string Next() => $"INV-{_random.Next(100_000, 999_999)}";
}
