namespace Storefront.Orders;

/// <summary>Follows the rules: no clock, no console. It mentions DateTime.Now only in this comment.</summary>
public static class Pricing
{
    public static decimal Discount(Order order, TimeProvider clock) =>
        clock.GetUtcNow().DayOfWeek == DayOfWeek.Monday && order.Total > 100m ? order.Total * 0.05m : 0m;

    public static string Describe(Order order) =>
        string.Equals(order.Customer, "staff", StringComparison.OrdinalIgnoreCase) ? "internal" : nameof(DateTime.Now);
}
