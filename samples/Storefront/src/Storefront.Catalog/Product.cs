namespace Storefront.Catalog;

/// <summary>A product in the catalog. This project follows the rules: it builds clean.</summary>
public sealed record Product(string Sku, string Name, decimal Price)
{
    public Product WithPrice(decimal price) =>
        price < 0 ? throw new ArgumentOutOfRangeException(nameof(price), "A price is never negative.") : this with { Price = price };
}
