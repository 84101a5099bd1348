namespace Storefront.Orders;

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice)
{
    public decimal Total => Quantity * UnitPrice;
}

public sealed record Order(string Number, string Customer, IReadOnlyList<OrderLine> Lines, DateTimeOffset PlacedAt)
{
    public decimal Total => Lines.Sum(line => line.Total);
}
